import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "./ui/cn";

/** An evidence item as the engagement and portal review procedures answer it. */
export interface EvidenceRow {
  id: string;
  kind: string;
  sha256: string;
  filename: string | null;
  downloadable: boolean;
  createdAt: string;
  verifications: { verdict: "pass" | "fail" | "error"; metrics: unknown; reasons: string[] }[];
}

/** Coverage figures and benchmark medians in one short line. */
function summary(metrics: unknown): string {
  if (typeof metrics !== "object" || metrics === null) return "";
  const parts: string[] = [];
  for (const [name, value] of Object.entries(metrics)) {
    if (value && typeof value === "object" && "pct" in value && "covered" in value && "total" in value) {
      const f = value as { pct: number; covered: number; total: number };
      parts.push(`${name} ${f.pct.toFixed(1)}% (${f.covered}/${f.total})`);
    }
  }
  const reference = metrics as { tag?: unknown; commit?: unknown };
  if (typeof reference.tag === "string") parts.push(`${reference.tag} → ${typeof reference.commit === "string" ? reference.commit.slice(0, 12) : "—"}`);
  const tests = metrics as { tests?: unknown; failures?: unknown; errors?: unknown; skipped?: unknown };
  if (typeof tests.tests === "number") parts.push(`${tests.tests} tests, ${String(tests.failures)} failed, ${String(tests.errors)} errors, ${String(tests.skipped)} skipped`);
  const load = metrics as { requests?: unknown; latencyMs?: Record<string, number>; errorRatePct?: unknown };
  if (load.latencyMs && typeof load.requests === "number") {
    const stats = ["p50", "p95", "p99"].filter((k) => load.latencyMs?.[k] !== undefined).map((k) => `${k} ${load.latencyMs?.[k]} ms`);
    parts.push(`${load.requests} requests, ${stats.join(", ")}, ${String(load.errorRatePct)}% errors`);
  }
  const benchmarks = (metrics as { benchmarks?: { name: string; nsPerOp: { median: number } }[] }).benchmarks;
  for (const bench of benchmarks ?? []) parts.push(`${bench.name} ${bench.nsPerOp.median} ns/op`);
  return parts.join(" · ");
}

const tone = { pass: "bg-emerald-100 text-emerald-800", fail: "bg-red-100 text-red-800", error: "bg-amber-100 text-amber-900" } as const;

export function EvidenceList({ evidence, actions, fullHashes = false }: { evidence: EvidenceRow[]; actions?: (item: EvidenceRow) => ReactNode; fullHashes?: boolean }) {
  const t = useTranslations("evidence");
  const locale = useLocale();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  if (evidence.length === 0) return <p className="text-xs text-slate-500">{t("none")}</p>;
  return (
    <ul className="space-y-2 text-sm" aria-label={t("title")}>
      {evidence.map((item) => (
        <li key={item.id} data-evidence-kind={item.kind} className="rounded-md border border-slate-200 p-2">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{item.kind}</span>
            {item.filename && <span className="text-slate-600">{item.filename}</span>}
            <code className="break-all text-xs text-slate-500" title={item.sha256} data-testid="evidence-sha256">
              {fullHashes ? item.sha256 : item.sha256.slice(0, 12)}
            </code>
            <span className="text-xs text-slate-500">{when.format(new Date(item.createdAt))} UTC</span>
            {item.downloadable && (
              <a href={`/api/v1/evidence/${item.id}/download`} className="text-xs text-teal-800 underline">
                {t("download")}
              </a>
            )}
            {actions?.(item)}
          </div>
          {item.verifications.map((v, index) => (
            <div key={index} className="mt-1 text-xs">
              <span className={cn("mr-2 rounded px-1.5 py-0.5 font-semibold", tone[v.verdict])} data-verdict={v.verdict}>
                {t(`verdict.${v.verdict}`)}
              </span>
              <span className="tabular-nums text-slate-700">{summary(v.metrics)}</span>
              {v.reasons.map((reason) => (
                <span key={reason} className="block text-red-800">
                  {reason}
                </span>
              ))}
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
