import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { forEachLine, type ByteSource } from "./stream";

// `go test -bench` output, any -count: one result line per run, grouped by benchmark name (the
// -GOMAXPROCS suffix dropped). Comparisons (bench-compare.ts) follow benchstat: delta of medians
// and a two-sided Mann-Whitney U test; below alpha 0.05 the change is significant.

export const ALPHA = 0.05;

/** The figures `go test -bench -benchmem` prints per run, in the order reports show them. */
export const BENCH_METRICS = ["ns/op", "B/op", "allocs/op"] as const;
export type BenchMetric = (typeof BENCH_METRICS)[number];

export interface BenchmarkSummary {
  name: string;
  runs: number;
  nsPerOp: { median: number; min: number; max: number };
  bytesPerOp: number | null;
  allocsPerOp: number | null;
}

export interface MetricStats {
  median: number;
  min: number;
  max: number;
  /** runs that reported the metric */
  n: number;
}

/** One benchmark's figures in one metric over its runs. */
export interface MetricSummary extends MetricStats {
  name: string;
  metric: BenchMetric;
}

export interface BenchSamples {
  ns: number[];
  bytes: number[];
  allocs: number[];
}

/** Runs per benchmark name, in the order the file first names them. */
export type BenchResults = Map<string, BenchSamples>;

const RESULT = /^(Benchmark\S*?)(?:-\d+)?\s+(\d+)\s+(.*)$/;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function parseGoBench(source: ByteSource, limits: EvidenceLimits): Promise<BenchResults> {
  const results = new Map<string, BenchSamples>();
  let runs = 0;
  await forEachLine(source, limits, (text, number) => {
    const match = RESULT.exec(text.trim());
    if (!match) return;
    const name = match[1] ?? "";
    const pairs = (match[3] ?? "").trim().split(/\s+/);
    const samples = results.get(name) ?? { ns: [], bytes: [], allocs: [] };
    let ns: number | null = null;
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const value = Number(pairs[i]);
      const unit = pairs[i + 1];
      if (!Number.isFinite(value))
        throw new EvidenceInputError("MALFORMED", `"${pairs[i]}" is not a number in ${name}`, number);
      if (unit === "ns/op") ns = value;
      else if (unit === "B/op") samples.bytes.push(value);
      else if (unit === "allocs/op") samples.allocs.push(value);
    }
    if (ns === null) throw new EvidenceInputError("MALFORMED", `${name} has no ns/op figure`, number);
    samples.ns.push(ns);
    results.set(name, samples);
    if (++runs > limits.maxEntries)
      throw new EvidenceInputError("TOO_MANY_ENTRIES", `more than ${limits.maxEntries} benchmark runs`, number);
  });
  if (results.size === 0)
    throw new EvidenceInputError("MALFORMED", "no benchmark result lines (BenchmarkName  N  x ns/op)");
  return results;
}

export function samplesOf(samples: BenchSamples, metric: BenchMetric): number[] {
  return metric === "ns/op" ? samples.ns : metric === "B/op" ? samples.bytes : samples.allocs;
}

/** Median, min and max without spreading (a file may hold millions of runs). */
export function statsOf(values: readonly number[]): MetricStats {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { median: median(values), min, max, n: values.length };
}

export function summarise(results: BenchResults): BenchmarkSummary[] {
  return [...results.entries()].map(([name, samples]) => {
    const ns = statsOf(samples.ns);
    return {
      name,
      runs: samples.ns.length,
      nsPerOp: { median: ns.median, min: ns.min, max: ns.max },
      bytesPerOp: samples.bytes.length ? median(samples.bytes) : null,
      allocsPerOp: samples.allocs.length ? median(samples.allocs) : null,
    };
  });
}

/** Every benchmark's figures per metric it reports (B/op and allocs/op need -benchmem). */
export function summariseMetrics(results: BenchResults): MetricSummary[] {
  return [...results.entries()].flatMap(([name, samples]) =>
    BENCH_METRICS.flatMap((metric) => {
      const values = samplesOf(samples, metric);
      return values.length ? [{ name, metric, ...statsOf(values) }] : [];
    }),
  );
}

/** A benchmark's name as a gate may write it: with or without "Benchmark", without "-GOMAXPROCS". */
export function benchmarkKey(name: string): string {
  return name
    .trim()
    .replace(/-\d+$/, "")
    .replace(/^Benchmark/, "");
}

/** The name in the results a gate's benchmark parameter means, or null. */
export function findBenchmark(results: BenchResults, wanted: string): string | null {
  const key = benchmarkKey(wanted);
  if (key === "") return null;
  for (const name of results.keys()) if (benchmarkKey(name) === key) return name;
  return null;
}
