import { z } from "zod";
import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { forEachJsonEntry } from "./json-entries";
import type { LoadFigures, LatencyStat } from "./load-test";
import type { ByteSource } from "./stream";

// k6 end-of-test summaries, in both shapes k6 writes: `--summary-export` (statistics directly on
// the metric; a threshold's boolean is true when it FAILED) and the data handleSummary() receives,
// saved with JSON.stringify (statistics under "values"; thresholds as {ok}). Trend times are ms.
// p(99) is only there when the run asked for it (summaryTrendStats).

const ZStats = z.record(z.string(), z.number());
const ZExportThresholds = z.record(z.string(), z.boolean());
const ZSummaryThresholds = z.record(z.string(), z.object({ ok: z.boolean() }));
const ZMetric = z.looseObject({
  values: ZStats.optional(),
  thresholds: z.union([ZExportThresholds, ZSummaryThresholds]).optional(),
});

const STAT_NAMES: Record<string, LatencyStat> = {
  avg: "avg",
  min: "min",
  med: "p50",
  "p(50)": "p50",
  "p(90)": "p90",
  "p(95)": "p95",
  "p(99)": "p99",
  max: "max",
};

export interface K6Summary extends LoadFigures {
  failedThresholds: string[];
}

export async function parseK6(source: ByteSource, limits: EvidenceLimits): Promise<K6Summary> {
  let metrics: Record<string, unknown> | null = null;
  await forEachJsonEntry(source, limits, (key, value) => {
    if (key === "metrics") {
      if (typeof value !== "object" || value === null || Array.isArray(value))
        throw new EvidenceInputError("MALFORMED", '"metrics" is not an object');
      metrics = value as Record<string, unknown>;
    }
  });
  const all = metrics as Record<string, unknown> | null;
  if (!all)
    throw new EvidenceInputError(
      "MALFORMED",
      'no "metrics": this is not a k6 summary (--summary-export or handleSummary JSON)',
    );

  const failedThresholds: string[] = [];
  const statsOf = (name: string): Record<string, number> | null => {
    if (all[name] === undefined) return null;
    const parsed = ZMetric.safeParse(all[name]);
    if (!parsed.success) throw new EvidenceInputError("MALFORMED", `metric ${name} is not a k6 summary metric`);
    const { values, thresholds, ...direct } = parsed.data;
    for (const [expression, result] of Object.entries(thresholds ?? {})) {
      const failed = typeof result === "boolean" ? result : !result.ok;
      if (failed) failedThresholds.push(`k6 threshold ${name} '${expression}' failed`);
    }
    return (
      values ??
      Object.fromEntries(
        Object.entries(direct).filter((entry): entry is [string, number] => typeof entry[1] === "number"),
      )
    );
  };

  const duration = statsOf("http_req_duration");
  if (!duration)
    throw new EvidenceInputError("MALFORMED", "the summary has no http_req_duration metric (an HTTP test writes one)");
  const latencyMs: LoadFigures["latencyMs"] = {};
  for (const [stat, value] of Object.entries(duration)) {
    const name = STAT_NAMES[stat];
    if (name) latencyMs[name] = value;
  }
  const failed = statsOf("http_req_failed");
  const requests = statsOf("http_reqs")?.count;
  if (requests === undefined) throw new EvidenceInputError("MALFORMED", "the summary has no http_reqs count");
  // in --summary-export a rate's "value" is the fraction; handleSummary calls it "rate"
  const errorFraction = failed ? (failed.rate ?? failed.value ?? 0) : 0;
  for (const name of Object.keys(all))
    if (name !== "http_req_duration" && name !== "http_req_failed" && name !== "http_reqs") statsOf(name);
  return { requests, latencyMs, errorRatePct: errorFraction * 100, failedThresholds };
}
