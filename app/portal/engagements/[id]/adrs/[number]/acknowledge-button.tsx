"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** The approver's acknowledgement of exactly the text on the page (its SHA-256 goes with it). */
export function AcknowledgeButton({ adrId, contentSha256 }: { adrId: string; contentSha256: string }) {
  const t = useTranslations("adrs");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const acknowledge = useMutation(trpc.portal.adr.acknowledge.mutationOptions(handlers));
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-600">{t("acknowledgeHelp")}</p>
      <Button disabled={acknowledge.isPending} onClick={() => acknowledge.mutate({ adrId, contentSha256 })}>
        {t("acknowledge")}
      </Button>
      <Problems problems={problems} />
    </div>
  );
}
