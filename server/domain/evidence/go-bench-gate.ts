import {
  compareResults,
  compareSamples,
  MIN_RUNS_TO_COMPARE,
  roundedDelta,
  roundedP,
  type BenchChange,
} from "./bench-compare";
import type { EvidenceLimits } from "./errors";
import {
  findBenchmark,
  parseGoBench,
  samplesOf,
  statsOf,
  summarise,
  summariseMetrics,
  type BenchMetric,
  type BenchResults,
} from "./go-bench";
import type { ByteSource } from "./stream";
import type { Threshold, VerifierResult } from "./verdict";

// Judges a `go test -bench` file against a go-bench gate requirement: the named benchmark must be
// there, its medians under the ceilings the gate sets, and, when the gate compares with the
// engagement's baseline, not significantly slower than the baseline by more than it allows.

/** What a go-bench requirement asks of a file (its params, server/domain/gate.ts). */
export interface GoBenchCriteria {
  benchmark: string;
  maxNsPerOp?: number;
  maxBytesPerOp?: number;
  maxAllocsPerOp?: number;
  compareToBaseline: boolean;
  /** a significant slowdown up to this many percent passes; 0: any significant slowdown fails */
  maxSlowdownPct: number;
}

const CEILINGS: readonly { metric: BenchMetric; key: "maxNsPerOp" | "maxBytesPerOp" | "maxAllocsPerOp" }[] = [
  { metric: "ns/op", key: "maxNsPerOp" },
  { metric: "B/op", key: "maxBytesPerOp" },
  { metric: "allocs/op", key: "maxAllocsPerOp" },
];

const NAMES_SHOWN = 20;

function listNames(results: BenchResults): string {
  const names = [...results.keys()];
  const shown = names.slice(0, NAMES_SHOWN).join(", ");
  return names.length > NAMES_SHOWN ? `${shown} and ${names.length - NAMES_SHOWN} more` : shown;
}

const signed = (delta: number | null) =>
  delta === null ? "from 0" : `${delta >= 0 ? "+" : ""}${roundedDelta(delta)}%`;

/** The file's summaries and, with a baseline, the benchstat-style comparison of every benchmark's ns/op. */
function describe(current: BenchResults, baseline: BenchResults | undefined) {
  const metrics: Record<string, unknown> = { benchmarks: summarise(current), summaries: summariseMetrics(current) };
  if (!baseline) return { metrics, changes: [] as BenchChange[] };
  const changes = compareResults(baseline, current).filter((change) => change.metric === "ns/op");
  metrics.comparisons = changes.map((c) => ({
    name: c.name,
    baselineMedian: c.baseline.median,
    median: c.current.median,
    deltaPct: roundedDelta(c.deltaPct),
    p: roundedP(c.p),
    significant: c.verdict === "faster" || c.verdict === "slower",
    verdict: c.verdict,
  }));
  return { metrics, changes };
}

function tooFewRuns(name: string, change: BenchChange): string {
  return (
    `too few runs to compare ${name} with the baseline: ` +
    `${change.baseline.n} in the baseline and ${change.current.n} now ` +
    `(at least ${MIN_RUNS_TO_COMPARE} each; run go test -count=6)`
  );
}

/** Without a requirement (the CLI, unbound uploads): ns/op ceilings by name, and no benchmark significantly slower. */
function judgeLoosely(
  current: BenchResults,
  baseline: BenchResults | undefined,
  thresholds: readonly Threshold[],
): VerifierResult {
  const { metrics, changes } = describe(current, baseline);
  const reasons: string[] = [];
  for (const threshold of thresholds) {
    const name = findBenchmark(current, threshold.metric);
    const median = name ? statsOf(current.get(name)!.ns).median : null;
    if (!name || median === null) reasons.push(`no results for ${threshold.metric}`);
    else if (median > threshold.value) reasons.push(`${name} median ${median} ns/op > ${threshold.value} ns/op`);
  }
  for (const change of changes) {
    if (change.verdict === "too few runs") reasons.push(tooFewRuns(change.name, change));
    if (change.verdict === "slower")
      reasons.push(`${change.name} is slower than the baseline: ${signed(change.deltaPct)} (p=${roundedP(change.p)})`);
  }
  return { kind: "go-bench", verdict: reasons.length === 0 ? "pass" : "fail", metrics, reasons };
}

function judgeCeilings(name: string, current: BenchResults, criteria: GoBenchCriteria, reasons: string[]): void {
  const samples = current.get(name)!;
  for (const { metric, key } of CEILINGS) {
    const ceiling = criteria[key];
    if (ceiling === undefined) continue;
    const values = samplesOf(samples, metric);
    if (values.length === 0) {
      reasons.push(`${name} reports no ${metric} (run go test with -benchmem)`);
      continue;
    }
    const { median } = statsOf(values);
    if (median > ceiling) reasons.push(`${name} median ${median} ${metric} > ${ceiling} ${metric}`);
  }
}

function judgeAgainstBaseline(
  name: string,
  current: BenchResults,
  baseline: BenchResults | undefined,
  criteria: GoBenchCriteria,
  reasons: string[],
  metrics: Record<string, unknown>,
): void {
  if (!baseline) {
    reasons.push(
      `no baseline to compare ${name} with: mark a go-bench evidence item of this engagement as the baseline ` +
        `(role "baseline")`,
    );
    return;
  }
  const before = findBenchmark(baseline, name);
  if (!before) {
    reasons.push(`the baseline has no ${name}; it has ${listNames(baseline)}`);
    return;
  }
  const change = compareSamples(name, "ns/op", baseline.get(before)!.ns, current.get(name)!.ns);
  const allowed = criteria.maxSlowdownPct;
  const beyondAllowance = change.verdict === "slower" && (change.deltaPct === null || change.deltaPct > allowed);
  metrics.comparison = {
    benchmark: name,
    metric: "ns/op",
    baselineMedian: change.baseline.median,
    median: change.current.median,
    deltaPct: roundedDelta(change.deltaPct),
    p: roundedP(change.p),
    verdict: change.verdict,
    maxSlowdownPct: allowed,
    withinAllowance: !beyondAllowance,
  };
  const figures = `${signed(change.deltaPct)}, p=${roundedP(change.p)}`;
  if (change.verdict === "too few runs") reasons.push(tooFewRuns(name, change));
  else if (beyondAllowance)
    reasons.push(
      `${name} is slower than the baseline: ${figures}${allowed > 0 ? `, more than the ${allowed}% allowed` : ""}`,
    );
}

/** Judges parsed results; `criteria` null judges as the CLI does (thresholds by name). */
export function judgeGoBench(
  current: BenchResults,
  baseline: BenchResults | undefined,
  criteria: GoBenchCriteria | undefined,
  thresholds: readonly Threshold[],
): VerifierResult {
  if (!criteria) return judgeLoosely(current, baseline, thresholds);
  const { metrics } = describe(current, baseline);
  const reasons: string[] = [];
  const name = findBenchmark(current, criteria.benchmark);
  metrics.benchmark = name ?? criteria.benchmark;
  if (!name) {
    reasons.push(`benchmark "${criteria.benchmark}" not found; the file has ${listNames(current)}`);
  } else {
    judgeCeilings(name, current, criteria, reasons);
    if (criteria.compareToBaseline) judgeAgainstBaseline(name, current, baseline, criteria, reasons, metrics);
  }
  return { kind: "go-bench", verdict: reasons.length === 0 ? "pass" : "fail", metrics, reasons };
}

export async function verifyGoBench(
  file: ByteSource,
  baselineFile: ByteSource | undefined,
  criteria: GoBenchCriteria | undefined,
  thresholds: readonly Threshold[],
  limits: EvidenceLimits,
): Promise<VerifierResult> {
  const current = await parseGoBench(file, limits);
  const baseline = baselineFile ? await parseGoBench(baselineFile, limits) : undefined;
  return judgeGoBench(current, baseline, criteria, thresholds);
}
