"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** The approver records that the client has access to the upgrade channel for one term. */
export function AttestUpgradeAccess({ termId, index }: { termId: string; index: number }) {
  const t = useTranslations("maintenance.portal.access");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const attest = useMutation(trpc.portal.maintenance.attestUpgradeAccess.mutationOptions(handlers));
  return (
    <div className="mt-1 space-y-1">
      <Button
        type="button"
        variant="secondary"
        className="px-2 py-1 text-xs"
        aria-label={t("recordLabel", { index })}
        title={t("statement")}
        disabled={attest.isPending}
        onClick={() => attest.mutate({ termId })}
      >
        {t("record")}
      </Button>
      <Problems problems={problems} />
    </div>
  );
}
