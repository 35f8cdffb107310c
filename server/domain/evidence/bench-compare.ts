import {
  ALPHA,
  BENCH_METRICS,
  samplesOf,
  statsOf,
  type BenchMetric,
  type BenchResults,
  type MetricStats,
} from "./go-bench";
import { mannWhitneyU } from "./mann-whitney";

// A baseline and a current run of the same benchmarks, compared as benchstat does: the delta of
// the medians, and a two-sided Mann-Whitney U test on the runs. Below 4 runs a side the exact
// test cannot reach p < 0.05 reliably, so such a comparison says so instead of "no change".

export const MIN_RUNS_TO_COMPARE = 4;

export const BENCH_VERDICTS = ["faster", "slower", "no significant change", "too few runs"] as const;
export type BenchVerdict = (typeof BENCH_VERDICTS)[number];

export interface BenchChange {
  name: string;
  metric: BenchMetric;
  baseline: MetricStats;
  current: MetricStats;
  /**
   * current median against the baseline median, in percent; null when the baseline median is 0 and the current is not
   */
  deltaPct: number | null;
  p: number;
  /** for B/op and allocs/op, "faster" means fewer and "slower" more */
  verdict: BenchVerdict;
}

export function deltaPct(before: number, after: number): number | null {
  if (before === 0) return after === 0 ? 0 : null;
  return ((after - before) / before) * 100;
}

export function compareSamples(
  name: string,
  metric: BenchMetric,
  before: readonly number[],
  after: readonly number[],
): BenchChange {
  const baseline = statsOf(before);
  const current = statsOf(after);
  const delta = deltaPct(baseline.median, current.median);
  const { p } = mannWhitneyU(before, after);
  let verdict: BenchVerdict = "no significant change";
  if (before.length < MIN_RUNS_TO_COMPARE || after.length < MIN_RUNS_TO_COMPARE) verdict = "too few runs";
  else if (p < ALPHA && current.median > baseline.median) verdict = "slower";
  else if (p < ALPHA && current.median < baseline.median) verdict = "faster";
  return { name, metric, baseline, current, deltaPct: delta, p, verdict };
}

/** Every benchmark in both files, in the current file's order, per metric both report. */
export function compareResults(baseline: BenchResults, current: BenchResults): BenchChange[] {
  const changes: BenchChange[] = [];
  for (const [name, samples] of current) {
    const before = baseline.get(name);
    if (!before) continue;
    for (const metric of BENCH_METRICS) {
      const after = samplesOf(samples, metric);
      const was = samplesOf(before, metric);
      if (after.length > 0 && was.length > 0) changes.push(compareSamples(name, metric, was, after));
    }
  }
  return changes;
}

/** Figures as reports print them: a delta to 2 decimals, a p-value to 4 significant digits. */
export const roundedDelta = (delta: number | null) => (delta === null ? null : Number(delta.toFixed(2)));
export const roundedP = (p: number) => Number(p.toPrecision(4));
