import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { mannWhitneyU } from "./mann-whitney";
import { forEachLine, type ByteSource } from "./stream";

// `go test -bench` output, any -count: one result line per run, grouped by benchmark name (the
// -GOMAXPROCS suffix dropped). Comparisons follow benchstat: delta of medians and a two-sided
// Mann-Whitney U test; below alpha 0.05 the change is significant, otherwise "no significant change".

export const ALPHA = 0.05;

export interface BenchmarkSummary {
  name: string;
  runs: number;
  nsPerOp: { median: number; min: number; max: number };
  bytesPerOp: number | null;
  allocsPerOp: number | null;
}

export interface BenchmarkComparison {
  name: string;
  baselineMedian: number;
  median: number;
  deltaPct: number;
  p: number;
  significant: boolean;
}

interface Samples {
  ns: number[];
  bytes: number[];
  allocs: number[];
}

const RESULT = /^(Benchmark\S*?)(?:-\d+)?\s+(\d+)\s+(.*)$/;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function parseGoBench(source: ByteSource, limits: EvidenceLimits): Promise<Map<string, Samples>> {
  const results = new Map<string, Samples>();
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
      if (!Number.isFinite(value)) throw new EvidenceInputError("MALFORMED", `"${pairs[i]}" is not a number in ${name}`, number);
      if (unit === "ns/op") ns = value;
      else if (unit === "B/op") samples.bytes.push(value);
      else if (unit === "allocs/op") samples.allocs.push(value);
    }
    if (ns === null) throw new EvidenceInputError("MALFORMED", `${name} has no ns/op figure`, number);
    samples.ns.push(ns);
    results.set(name, samples);
    if (++runs > limits.maxEntries) throw new EvidenceInputError("TOO_MANY_ENTRIES", `more than ${limits.maxEntries} benchmark runs`, number);
  });
  if (results.size === 0) throw new EvidenceInputError("MALFORMED", "no benchmark result lines (BenchmarkName  N  x ns/op)");
  return results;
}

export function summarise(results: Map<string, Samples>): BenchmarkSummary[] {
  return [...results.entries()].map(([name, samples]) => ({
    name,
    runs: samples.ns.length,
    nsPerOp: { median: median(samples.ns), min: Math.min(...samples.ns), max: Math.max(...samples.ns) },
    bytesPerOp: samples.bytes.length ? median(samples.bytes) : null,
    allocsPerOp: samples.allocs.length ? median(samples.allocs) : null,
  }));
}

export function compare(baseline: Map<string, Samples>, current: Map<string, Samples>): BenchmarkComparison[] {
  const comparisons: BenchmarkComparison[] = [];
  for (const [name, samples] of current) {
    const before = baseline.get(name);
    if (!before) continue;
    const baselineMedian = median(before.ns);
    const now = median(samples.ns);
    const { p } = mannWhitneyU(before.ns, samples.ns);
    comparisons.push({ name, baselineMedian, median: now, deltaPct: ((now - baselineMedian) / baselineMedian) * 100, p, significant: p < ALPHA });
  }
  return comparisons;
}
