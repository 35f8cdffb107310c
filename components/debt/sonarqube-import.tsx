"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { DebtImpact } from "@/server/domain/debt/item";
import { SONAR_IMPACT_MAPPING } from "@/server/domain/debt/sonar-mapping";
import { ImpactBadge } from "./impact-badge";

interface ImportedItem {
  id: string;
  title: string;
  impact: DebtImpact;
  fixDays: { likely: number };
}

interface Report {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  items: ImportedItem[];
}

type Outcome =
  { kind: "idle" } | { kind: "importing" } | ({ kind: "done" } & Report) | { kind: "failed"; reasons: string[] };

/**
 * Posts a SonarQube export (the JSON file as it was saved) to the import route with the session
 * cookie, then shows what was created or updated, or every reason the file was refused.
 */
export function SonarQubeImport({ engagementId, onImported }: { engagementId: string; onImported: () => void }) {
  const t = useTranslations("debtImport");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = form.querySelector<HTMLInputElement>("input[type=file]")?.files?.[0];
    if (!file) return setOutcome({ kind: "failed", reasons: [t("noFile")] });
    setOutcome({ kind: "importing" });
    try {
      const response = await fetch(`/api/v1/engagements/${engagementId}/debt/import`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: file,
      });
      const answer = (await response.json().catch(() => ({}))) as Partial<Report> & { reasons?: string[] };
      if (!response.ok) return setOutcome({ kind: "failed", reasons: answer.reasons ?? [`HTTP ${response.status}`] });
      setOutcome({
        kind: "done",
        created: answer.created ?? 0,
        updated: answer.updated ?? 0,
        unchanged: answer.unchanged ?? 0,
        skipped: answer.skipped ?? 0,
        items: answer.items ?? [],
      });
      form.reset();
      onImported();
    } catch {
      setOutcome({ kind: "failed", reasons: [t("unreachable")] });
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2 text-sm" aria-label={t("formLabel")}>
      <p className="text-slate-600">{t("help")}</p>
      <ImpactMapping />
      <div className="flex flex-wrap items-end gap-3">
        <label className="block text-xs text-slate-600">
          {t("file")}
          <input type="file" name="export" accept=".json,application/json" className="mt-1 block text-sm" />
        </label>
        <Button type="submit" variant="secondary" disabled={outcome.kind === "importing"}>
          {outcome.kind === "importing" ? t("importing") : t("button")}
        </Button>
      </div>
      <div aria-live="polite">
        {outcome.kind === "done" && <ImportReport report={outcome} />}
        {outcome.kind === "failed" && (
          <div role="alert" className="text-red-800">
            <p className="font-medium">{t("failed")}</p>
            <ul className="list-disc pl-5" aria-label={t("failed")}>
              {outcome.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </form>
  );
}

/** The severity → impact table the import applies (SONAR_IMPACT_MAPPING), shown as it is. */
function ImpactMapping() {
  const t = useTranslations("debtImport");
  const scales = [
    { scale: "severity", label: t("scaleSeverity"), rows: Object.entries(SONAR_IMPACT_MAPPING.severity) },
    { scale: "impacts", label: t("scaleImpacts"), rows: Object.entries(SONAR_IMPACT_MAPPING.impacts) },
  ] as const;
  return (
    <details className="text-xs text-slate-600">
      <summary className="cursor-pointer">{t("mappingTitle")}</summary>
      <p className="mt-1">{t("mappingHelp")}</p>
      <div className="mt-1 flex flex-wrap gap-6">
        {scales.map(({ scale, label, rows }) => (
          <table key={scale} aria-label={label} data-scale={scale}>
            <thead>
              <tr>
                <th className="pr-3 text-left font-medium">{label}</th>
                <th className="text-left font-medium">{t("impact")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([sonar, impact]) => (
                <tr key={sonar}>
                  <td className="pr-3 font-mono">{sonar}</td>
                  <td>
                    <ImpactBadge impact={impact} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </details>
  );
}

function ImportReport({ report }: { report: Report }) {
  const t = useTranslations("debtImport");
  return (
    <div role="status" className="space-y-1">
      <p>{t("result", { created: report.created, updated: report.updated, unchanged: report.unchanged })}</p>
      {report.skipped > 0 && <p className="text-slate-600">{t("skipped", { count: report.skipped })}</p>}
      {report.created > 0 && <p className="text-amber-900">{t("costNote")}</p>}
      {report.items.length > 0 && (
        <ul className="space-y-0.5" aria-label={t("items")}>
          {report.items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center gap-2">
              <ImpactBadge impact={item.impact} />
              <span>{item.title}</span>
              <span className="text-slate-600">{t("days", { days: item.fixDays.likely })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
