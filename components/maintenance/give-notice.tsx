"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** The approver's notice: a confirmation says the contract ends on the current term's last day. */
export function GiveNotice({ contractId, endsOn }: { contractId: string; endsOn: string }) {
  const t = useTranslations("maintenance.portal.notice");
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const { problems, result, handlers } = useRefreshingAction();
  const give = useMutation(trpc.portal.maintenance.giveNotice.mutationOptions(handlers));
  if (result !== null) return <p role="status">{t("given", { endsOn })}</p>;
  return (
    <div className="space-y-2 text-sm">
      {confirming ? (
        <div role="group" aria-label={t("confirmLabel")} className="space-y-2">
          <p>{t("confirm", { endsOn })}</p>
          <div className="flex gap-2">
            <Button type="button" disabled={give.isPending} onClick={() => give.mutate({ contractId })}>
              {t("confirmYes")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {t("give")}
        </Button>
      )}
      <Problems problems={problems} />
    </div>
  );
}
