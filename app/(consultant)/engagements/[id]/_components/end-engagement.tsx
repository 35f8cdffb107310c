"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { SaveFooter } from "@/components/save-footer";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** Completes or cancels the engagement, with the reason; its pipeline tokens stop working with it. */
export function EndEngagement({ engagementId }: { engagementId: string }) {
  const t = useTranslations("endEngagement");
  const trpc = useTRPC();
  const [status, setStatus] = useState<"completed" | "cancelled">("completed");
  const { problems, result, handlers } = useRefreshingAction();
  const end = useMutation(trpc.engagement.end.mutationOptions(handlers));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!window.confirm(t(status === "completed" ? "confirmCompleted" : "confirmCancelled"))) return;
    end.mutate({ engagementId, status, reason: String(new FormData(event.currentTarget).get("reason") ?? "") });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-4 text-sm" aria-label={t("title")}>
      <p className="w-full text-slate-600">{t("intro")}</p>
      <label className="text-slate-700">
        {t("as")}
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value === "cancelled" ? "cancelled" : "completed")}
          className="mt-1 block rounded-md border border-slate-300 px-2 py-1"
        >
          <option value="completed">{t("completed")}</option>
          <option value="cancelled">{t("cancelled")}</option>
        </select>
      </label>
      <label className="min-w-64 flex-1 text-slate-700">
        {t("reason")}
        <input
          name="reason"
          required
          minLength={3}
          maxLength={2000}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      <SaveFooter
        label={t("submit")}
        variant="secondary"
        pending={end.isPending}
        saved={result !== null ? t("done") : null}
        problems={problems}
      />
    </form>
  );
}
