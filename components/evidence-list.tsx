import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatDelta, verdictWord } from "@/server/domain/benchmark-report";
import { BENCH_VERDICTS, type BenchVerdict } from "@/server/domain/evidence/bench-compare";
import { matchLocale } from "@/server/domain/locale";
import { cn } from "./ui/cn";

/** An evidence item as the engagement and portal review procedures answer it. */
export interface EvidenceRow {
  id: string;
  kind: string;
  sha256: string;
  filename: string | null;
  downloadable: boolean;
  createdAt: string;
  /** "baseline": the engagement's benchmark yardstick, not judged by the gate */
  role?: string | null;
  /** what reference evidence points at (an attestation's record, a tag) */
  reference?: unknown;
  verifications: { verdict: "pass" | "fail" | "error"; metrics: unknown; reasons: string[] }[];
}

interface BaselineComparison {
  benchmark: string;
  verdict: BenchVerdict;
  deltaPct: number | null;
  p: number;
}

/** A go-bench verification's comparison of the gate's benchmark with the baseline, when it made one. */
function comparisonOf(metrics: unknown): BaselineComparison | null {
  const comparison = (metrics as { comparison?: Partial<BaselineComparison> } | null)?.comparison;
  if (!comparison || typeof comparison.benchmark !== "string" || typeof comparison.p !== "number") return null;
  if (!BENCH_VERDICTS.includes(comparison.verdict as BenchVerdict)) return null;
  return {
    benchmark: comparison.benchmark,
    verdict: comparison.verdict as BenchVerdict,
    deltaPct: typeof comparison.deltaPct === "number" ? comparison.deltaPct : null,
    p: comparison.p,
  };
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
  if (typeof reference.tag === "string")
    parts.push(`${reference.tag} → ${typeof reference.commit === "string" ? reference.commit.slice(0, 12) : "—"}`);
  const tests = metrics as { tests?: unknown; failures?: unknown; errors?: unknown; skipped?: unknown };
  if (typeof tests.tests === "number")
    parts.push(
      `${tests.tests} tests, ${String(tests.failures)} failed, ` +
        `${String(tests.errors)} errors, ${String(tests.skipped)} skipped`,
    );
  const load = metrics as { requests?: unknown; latencyMs?: Record<string, number>; errorRatePct?: unknown };
  if (load.latencyMs && typeof load.requests === "number") {
    const stats = ["p50", "p95", "p99"]
      .filter((k) => load.latencyMs?.[k] !== undefined)
      .map((k) => `${k} ${load.latencyMs?.[k]} ms`);
    parts.push(`${load.requests} requests, ${stats.join(", ")}, ${String(load.errorRatePct)}% errors`);
  }
  const benchmarks = (metrics as { benchmarks?: { name: string; nsPerOp: { median: number } }[] }).benchmarks;
  for (const bench of benchmarks ?? []) parts.push(`${bench.name} ${bench.nsPerOp.median} ns/op`);
  // an observability probe: each path's answer, and what the service announced about itself
  const probe = metrics as {
    checks?: { path: string; detail: string }[];
    announced?: { server: string | null; goVersion: string | null };
  };
  for (const check of probe.checks ?? []) parts.push(`/${check.path}: ${check.detail}`);
  if (probe.announced?.goVersion) parts.push(`X-Go-Version ${probe.announced.goVersion}`);
  if (probe.announced?.server) parts.push(`Server ${probe.announced.server}`);
  return parts.join(" · ");
}

/** An attestation's words and who gave them, from its kept record. */
function attestationOf(reference: unknown): { statement: string; by: string; party: string } | null {
  const record = reference as { statement?: unknown; party?: unknown; attestedBy?: { name?: unknown } } | null;
  if (!record || typeof record.statement !== "string" || typeof record.attestedBy?.name !== "string") return null;
  return { statement: record.statement, by: record.attestedBy.name, party: String(record.party) };
}

const tone = {
  pass: "bg-emerald-100 text-emerald-800",
  fail: "bg-red-100 text-red-800",
  error: "bg-amber-100 text-amber-900",
} as const;

export function EvidenceList({
  evidence,
  actions,
  fullHashes = false,
}: {
  evidence: EvidenceRow[];
  actions?: (item: EvidenceRow) => ReactNode;
  fullHashes?: boolean;
}) {
  const t = useTranslations("evidence");
  const tReport = useTranslations("benchmarkReport");
  const locale = useLocale();
  const reportLocale = matchLocale(locale) ?? "en";
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  if (evidence.length === 0) return <p className="text-xs text-slate-500">{t("none")}</p>;
  return (
    <ul className="space-y-2 text-sm" aria-label={t("title")}>
      {evidence.map((item) => (
        <li key={item.id} data-evidence-kind={item.kind} className="rounded-md border border-slate-200 p-2">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{item.kind}</span>
            {item.role === "baseline" && (
              <span
                className="rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold text-sky-900"
                data-testid="baseline-badge"
                title={t("baselineHint")}
              >
                {t("baselineBadge")}
              </span>
            )}
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
          {attestationOf(item.reference) && (
            <blockquote
              className="mt-1 border-l-4 border-teal-600 pl-2 text-xs text-slate-700"
              data-testid="attestation"
            >
              {t("attested", {
                by: attestationOf(item.reference)!.by,
                statement: attestationOf(item.reference)!.statement,
              })}
            </blockquote>
          )}
          {item.verifications.map((v, index) => {
            const comparison = comparisonOf(v.metrics);
            return (
              <div key={index} className="mt-1 text-xs">
                <span
                  className={cn("mr-2 rounded px-1.5 py-0.5 font-semibold", tone[v.verdict])}
                  data-verdict={v.verdict}
                >
                  {t(`verdict.${v.verdict}`)}
                </span>
                <span className="tabular-nums text-slate-700">{summary(v.metrics)}</span>
                {comparison && (
                  <span className="block tabular-nums text-slate-700" data-testid="baseline-comparison">
                    {t("comparison", {
                      benchmark: comparison.benchmark,
                      verdict: tReport(`verdict.${verdictWord("ns/op", comparison.verdict)}`),
                      delta: formatDelta(comparison.deltaPct, reportLocale),
                      p: comparison.p,
                    })}
                  </span>
                )}
                {v.reasons.map((reason) => (
                  <span key={reason} className="block text-red-800">
                    {reason}
                  </span>
                ))}
              </div>
            );
          })}
        </li>
      ))}
    </ul>
  );
}
