import { compareResults, roundedDelta, roundedP, type BenchChange, type BenchVerdict } from "./evidence/bench-compare";
import type { BenchMetric, BenchResults, MetricStats } from "./evidence/go-bench";
import type { Locale } from "./locale";

// The Go benchmark comparison report of a milestone: its current go-bench evidence against the
// engagement's baseline, per benchmark and metric (medians with min-max, delta, Mann-Whitney p,
// verdict). `benchmarkReport` is the API's JSON and what the pages show; the PDF's document is
// built from it in benchmark-report-document.ts.

/** A comparison as the report gives it: deltaPct to 2 decimals, p to 4 significant digits. */
export type BenchmarkReportRow = BenchChange;

export interface BenchmarkReport {
  benchmarks: BenchmarkReportRow[];
  /** benchmarks that only one of the two files has (not compared) */
  onlyInBaseline: string[];
  onlyInCurrent: string[];
}

export function benchmarkReport(baseline: BenchResults, current: BenchResults): BenchmarkReport {
  const benchmarks = compareResults(baseline, current).map((change) => ({
    ...change,
    deltaPct: roundedDelta(change.deltaPct),
    p: roundedP(change.p),
  }));
  return {
    benchmarks,
    onlyInBaseline: [...baseline.keys()].filter((name) => !current.has(name)),
    onlyInCurrent: [...current.keys()].filter((name) => !baseline.has(name)),
  };
}

/** How a verdict reads for a metric: time gets faster or slower, memory lower or higher. */
export type VerdictWord = "faster" | "slower" | "lower" | "higher" | "unchanged" | "tooFewRuns";

export function verdictWord(metric: BenchMetric, verdict: BenchVerdict): VerdictWord {
  if (verdict === "no significant change") return "unchanged";
  if (verdict === "too few runs") return "tooFewRuns";
  if (metric === "ns/op") return verdict;
  return verdict === "faster" ? "lower" : "higher";
}

/** Better, worse, or neither: the colour a row and its bar are drawn in. */
export type VerdictTone = "better" | "worse" | "neutral";
export const verdictTone = (verdict: BenchVerdict): VerdictTone =>
  verdict === "faster" ? "better" : verdict === "slower" ? "worse" : "neutral";

const numberFormats = new Map<Locale, Intl.NumberFormat>();
export function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** "−97.19%", "+0%" style deltas; "—" when there is no finite percentage. */
export function formatDelta(delta: number | null, locale: Locale): string {
  if (delta === null) return "—";
  return `${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${formatNumber(Math.abs(delta), locale)}%`;
}

export function formatStats(stats: MetricStats, locale: Locale): string {
  return (
    `${formatNumber(stats.median, locale)} (${formatNumber(stats.min, locale)}–` +
    `${formatNumber(stats.max, locale)}, n=${stats.n})`
  );
}

/** One of the two go-bench files a report compares. */
export interface EvidenceFileFacts {
  sha256: string;
  filename: string | null;
  createdAt: string;
  milestoneTitle: string;
}
