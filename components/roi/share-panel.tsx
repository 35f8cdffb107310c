"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

export interface RoiShareSummaryProps {
  id: string;
  sharedAt: string;
  /** the shared figures are those of the current inputs */
  current: boolean;
  pdf: { en: { sha256: string }; "zh-CN": { sha256: string } };
}

/** Shares the ROI report with the client (both PDFs kept by SHA-256), or withdraws the share. */
export function SharePanel({ engagementId, share }: { engagementId: string; share: RoiShareSummaryProps | null }) {
  const t = useTranslations("roi.share");
  const trpc = useTRPC();
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const shared = useRefreshingAction();
  const withdrawn = useRefreshingAction();
  const shareNow = useMutation(trpc.roi.share.mutationOptions(shared.handlers));
  const withdraw = useMutation(
    trpc.roi.withdraw.mutationOptions({
      ...withdrawn.handlers,
      onSuccess: (data) => {
        setConfirmWithdraw(false);
        withdrawn.handlers.onSuccess(data);
      },
    }),
  );
  return (
    <div className="space-y-3 text-sm">
      {share ? (
        <div data-testid="roi-share" data-share-id={share.id} className="space-y-1">
          <p>{t("sharedAt", { at: share.sharedAt.slice(0, 16).replace("T", " ") })}</p>
          {!share.current && <p className="text-amber-900">{t("stale")}</p>}
          <dl className="grid gap-x-3 gap-y-0.5 sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">{t("sha256En")}</dt>
            <dd className="font-mono text-xs break-all" data-testid="roi-share-sha256-en">
              {share.pdf.en.sha256}
            </dd>
            <dt className="text-slate-600">{t("sha256Zh")}</dt>
            <dd className="font-mono text-xs break-all" data-testid="roi-share-sha256-zh">
              {share.pdf["zh-CN"].sha256}
            </dd>
          </dl>
        </div>
      ) : (
        <p className="text-slate-600">{t("notShared")}</p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" onClick={() => shareNow.mutate({ engagementId })} disabled={shareNow.isPending}>
          {share ? t("shareAgain") : t("share")}
        </Button>
        {share && (
          <Button type="button" variant="secondary" onClick={() => setConfirmWithdraw(!confirmWithdraw)}>
            {t("withdraw")}
          </Button>
        )}
        {shareNow.isPending && <span role="status">{t("rendering")}</span>}
        {shared.result !== null && <span role="status">{t("shared")}</span>}
        {withdrawn.result !== null && <span role="status">{t("withdrawn")}</span>}
      </div>
      {share && confirmWithdraw && (
        <div role="group" aria-label={t("withdraw")} className="flex flex-wrap items-center gap-2">
          <span>{t("withdrawConfirm")}</span>
          <Button type="button" onClick={() => withdraw.mutate({ shareId: share.id })} disabled={withdraw.isPending}>
            {t("withdrawYes")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirmWithdraw(false)}>
            {t("cancel")}
          </Button>
        </div>
      )}
      <Problems problems={[...shared.problems, ...withdrawn.problems]} />
    </div>
  );
}
