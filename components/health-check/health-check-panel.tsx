"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import type { StoredHealthItem } from "@/server/domain/health-check/items";
import { HealthCheckPdfLinks } from "./health-check-pdf-links";
import { HealthCheckTable } from "./health-check-table";

export interface HealthCheckSummary {
  id: string;
  baseUrl: string;
  at: string;
  items: StoredHealthItem[];
}

/**
 * The engagement's first-meeting health check: a base URL and the button that runs it, the newest
 * check's items, and the earlier ones (each with its PDF in both languages).
 */
export function HealthCheckPanel({
  engagementId,
  checks,
  nextCursor,
}: {
  engagementId: string;
  checks: HealthCheckSummary[];
  nextCursor: string | null;
}) {
  const t = useTranslations("healthCheck");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { problems, handlers } = useRefreshingAction();
  const run = useMutation(trpc.healthCheck.run.mutationOptions(handlers));
  const [more, setMore] = useState<{ checks: HealthCheckSummary[]; cursor: string | null } | null>(null);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  // a run since the last page was fetched moves the pages on by one: show each check once
  const shown = [...checks, ...(more?.checks ?? [])].filter(
    (check, index, all) => all.findIndex((other) => other.id === check.id) === index,
  );
  const [latest, ...earlier] = shown;
  const cursor = more ? more.cursor : nextCursor;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const baseUrl = String(new FormData(event.currentTarget).get("baseUrl") ?? "").trim();
    run.mutate({ engagementId, baseUrl });
  }

  async function showMore() {
    if (!cursor) return;
    const page = await queryClient.fetchQuery(trpc.healthCheck.list.queryOptions({ engagementId, cursor }));
    setMore({ checks: [...(more?.checks ?? []), ...page.items], cursor: page.nextCursor });
  }

  const heading = (check: HealthCheckSummary) => (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <p className="text-sm">
        <span className="font-mono">{check.baseUrl}</span> ·{" "}
        <span className="text-slate-600">{t("checkedAt", { when: when.format(new Date(check.at)) })}</span>
      </p>
      <HealthCheckPdfLinks healthCheckId={check.id} />
    </div>
  );

  return (
    <div className="space-y-4" data-testid="health-check-panel">
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label={t("title")}>
        <label className="min-w-72 flex-1 text-sm font-medium">
          {t("baseUrl")}
          <input
            name="baseUrl"
            type="url"
            required
            placeholder={t("baseUrlPlaceholder")}
            defaultValue={latest?.baseUrl ?? ""}
            className={inputClass}
          />
        </label>
        <Button type="submit" disabled={run.isPending}>
          {run.isPending ? t("running") : t("run")}
        </Button>
      </form>
      <Problems problems={problems} />

      {latest ? (
        <section aria-label={t("latest")} className="space-y-2" data-health-check={latest.id}>
          {heading(latest)}
          <HealthCheckTable items={latest.items} />
        </section>
      ) : (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      )}

      {earlier.length > 0 && (
        <section className="space-y-2">
          <h3 className="text-sm font-semibold">{t("earlier")}</h3>
          {earlier.map((check) => (
            <details key={check.id} className="rounded-md border border-slate-200 p-3" data-health-check={check.id}>
              <summary className="cursor-pointer">{heading(check)}</summary>
              <div className="mt-2">
                <HealthCheckTable items={check.items} />
              </div>
            </details>
          ))}
        </section>
      )}
      {cursor && (
        <Button type="button" variant="ghost" onClick={() => void showMore()}>
          {t("more")}
        </Button>
      )}
    </div>
  );
}
