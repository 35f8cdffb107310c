"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { SaveFooter } from "@/components/save-footer";
import { useRefreshingAction } from "@/components/use-refreshing-action";

export function PortalSettings({
  engagementId,
  hideAmountsFromViewers,
  deemedAcceptanceDays,
}: {
  engagementId: string;
  hideAmountsFromViewers: boolean;
  deemedAcceptanceDays: number | null;
}) {
  const t = useTranslations("portalSettings");
  const trpc = useTRPC();
  const { problems, result, handlers } = useRefreshingAction();
  const save = useMutation(trpc.engagement.portalSettings.mutationOptions(handlers));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = String(form.get("deemedAcceptanceDays") ?? "").trim();
    save.mutate({
      engagementId,
      hideAmountsFromViewers: form.get("hideAmountsFromViewers") === "on",
      deemedAcceptanceDays: days === "" ? null : Number(days),
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-4 text-sm" aria-label={t("title")}>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="hideAmountsFromViewers" defaultChecked={hideAmountsFromViewers} />
        {t("hideAmounts")}
      </label>
      <label className="text-slate-700">
        {t("deemedDays")}
        <input
          name="deemedAcceptanceDays"
          type="number"
          min={1}
          max={365}
          defaultValue={deemedAcceptanceDays ?? ""}
          className="mt-1 block w-28 rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      <SaveFooter
        label={t("save")}
        variant="secondary"
        pending={save.isPending}
        saved={result !== null ? t("saved") : null}
        problems={problems}
      />
    </form>
  );
}
