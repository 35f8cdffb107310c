import type { Threshold, VerifierResult } from "./verdict";

// What k6 and JMeter reports have in common: request latency percentiles (ms) and an error rate.
// Targets are ceilings: `p99=800` passes at or below 800 ms, `errorRatePct=1` at or below 1%.

export interface LoadFigures {
  requests: number;
  /** latency statistics in milliseconds, as the report states them */
  latencyMs: Partial<Record<LatencyStat, number>>;
  errorRatePct: number;
}

export const LATENCY_STATS = ["avg", "min", "p50", "p90", "p95", "p99", "max"] as const;
export type LatencyStat = (typeof LATENCY_STATS)[number];

const round = (n: number) => Number(n.toFixed(3));

/** Judges the figures against ceilings; `ownFailures` are the tool's own failed thresholds. */
export function judgeLoad(
  kind: string,
  figures: LoadFigures,
  thresholds: readonly Threshold[],
  ownFailures: string[],
  hint: string,
): VerifierResult {
  const reasons = [...ownFailures];
  if (figures.requests === 0) reasons.push("the report contains no requests");
  for (const threshold of thresholds) {
    if (threshold.metric === "errorRatePct") {
      if (figures.errorRatePct > threshold.value)
        reasons.push(`error rate ${round(figures.errorRatePct)}% > ${threshold.value}%`);
      continue;
    }
    if (!(LATENCY_STATS as readonly string[]).includes(threshold.metric)) {
      reasons.push(`unknown target "${threshold.metric}" (use ${LATENCY_STATS.join(", ")} or errorRatePct)`);
      continue;
    }
    const value = figures.latencyMs[threshold.metric as LatencyStat];
    if (value === undefined) reasons.push(`the report has no ${threshold.metric} figure${hint}`);
    else if (value > threshold.value)
      reasons.push(`${threshold.metric} latency ${round(value)} ms > ${threshold.value} ms`);
  }
  const latencyMs = Object.fromEntries(Object.entries(figures.latencyMs).map(([k, v]) => [k, round(v)]));
  return {
    kind,
    verdict: reasons.length === 0 ? "pass" : "fail",
    metrics: { requests: figures.requests, latencyMs, errorRatePct: round(figures.errorRatePct) },
    reasons,
  };
}
