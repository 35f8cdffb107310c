import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareResults } from "./bench-compare";
import { DEFAULT_LIMITS } from "./errors";
import { checkEvidenceRole } from "./evidence-role";
import { findBenchmark, parseGoBench } from "./go-bench";
import type { GoBenchCriteria } from "./go-bench-gate";
import { bytesOf } from "./stream";
import { verifyFile } from "./verify";

// Verdicts on benchmark files made by `go test -bench=. -count=6 -benchmem` before and after real
// changes (fixtures/README.md): v1 -> v2 a speed-up, v2 -> v3 a slowdown, v2 twice no change.

const text = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const V1 = text("bench-rowdigest-v1.txt");
const V2 = text("bench-rowdigest-v2.txt");
const V2_AGAIN = text("bench-rowdigest-v2-rerun.txt");
const V3 = text("bench-rowdigest-v3.txt");

const criteria = (more: Partial<GoBenchCriteria> = {}): GoBenchCriteria => ({
  benchmark: "EncodeRows",
  compareToBaseline: true,
  maxSlowdownPct: 0,
  ...more,
});

function judge(current: string, baseline: string | null, goBench: GoBenchCriteria) {
  return verifyFile({
    kind: "go-bench",
    file: bytesOf(current, 64),
    baseline: baseline === null ? undefined : bytesOf(baseline, 64),
    goBench,
  });
}

/** The first `keep` runs of one benchmark, the file otherwise as printed. */
function fewerRuns(file: string, benchmark: string, keep: number): string {
  let seen = 0;
  return file
    .split("\n")
    .filter((line) => !line.startsWith(`${benchmark}-`) || ++seen <= keep)
    .join("\n");
}

describe("go-bench gate against a baseline", () => {
  it("passes a real speed-up and reports it as faster", async () => {
    const result = await judge(V2, V1, criteria());
    expect(result.verdict).toBe("pass");
    expect(result.reasons).toEqual([]);
    expect(result.metrics.comparison).toEqual({
      benchmark: "BenchmarkEncodeRows",
      metric: "ns/op",
      baselineMedian: 351130.5,
      median: 9850,
      deltaPct: -97.19,
      p: 0.002165,
      verdict: "faster",
      maxSlowdownPct: 0,
      withinAllowance: true,
    });
  });

  it("fails a real slowdown beyond the allowance, with the figures", async () => {
    const strict = await judge(V3, V2, criteria());
    expect(strict.verdict).toBe("fail");
    expect(strict.reasons).toEqual(["BenchmarkEncodeRows is slower than the baseline: +339.04%, p=0.002165"]);
    const allowing = await judge(V3, V2, criteria({ maxSlowdownPct: 100 }));
    expect(allowing.reasons).toEqual([
      "BenchmarkEncodeRows is slower than the baseline: +339.04%, p=0.002165, more than the 100% allowed",
    ]);
  });

  it("passes a slowdown within the allowance and still says it is slower", async () => {
    const result = await judge(V3, V2, criteria({ maxSlowdownPct: 400 }));
    expect(result.verdict).toBe("pass");
    expect(result.metrics.comparison).toMatchObject({ verdict: "slower", deltaPct: 339.04, withinAllowance: true });
  });

  it("reports no significant change for the same code measured twice", async () => {
    const result = await judge(V2_AGAIN, V2, criteria());
    expect(result.verdict).toBe("pass");
    expect(result.metrics.comparison).toMatchObject({ verdict: "no significant change", deltaPct: 11.84, p: 0.8182 });
  });

  it("judges only the named benchmark: noise on another one does not fail the gate", async () => {
    // the unchanged Checksum crossed p < 0.05 between these two runs of the same code
    const result = await judge(V2_AGAIN, V2, criteria());
    expect(result.metrics.comparisons).toContainEqual(
      expect.objectContaining({ name: "BenchmarkChecksum", verdict: "slower" }),
    );
    expect(result.verdict).toBe("pass");
  });

  it("fails with too few runs on either side, saying so, instead of passing", async () => {
    const fewBefore = await judge(V2, fewerRuns(V1, "BenchmarkEncodeRows", 3), criteria());
    expect(fewBefore.verdict).toBe("fail");
    expect(fewBefore.reasons).toEqual([
      "too few runs to compare BenchmarkEncodeRows with the baseline: 3 in the baseline and 6 now (at least 4 " +
        "each; run go test -count=6)",
    ]);
    const fewNow = await judge(fewerRuns(V3, "BenchmarkEncodeRows", 2), V2, criteria({ maxSlowdownPct: 1000 }));
    expect(fewNow.reasons).toEqual([
      "too few runs to compare BenchmarkEncodeRows with the baseline: 6 in the baseline and 2 now (at least 4 " +
        "each; run go test -count=6)",
    ]);
    expect((await judge(V2, fewerRuns(V1, "BenchmarkEncodeRows", 4), criteria())).verdict).toBe("pass");
  });

  it("fails without a baseline, and when the baseline lacks the benchmark", async () => {
    const none = await judge(V2, null, criteria());
    expect(none.reasons).toEqual([
      "no baseline to compare BenchmarkEncodeRows with: mark a go-bench evidence item of this engagement as the " +
        'baseline (role "baseline")',
    ]);
    const other = await judge(V2, text("bench-old.txt"), criteria());
    expect(other.reasons).toEqual([
      "the baseline has no BenchmarkEncodeRows; it has BenchmarkSyncBlock, BenchmarkHashLeaf",
    ]);
  });

  it("does not compare when the gate does not ask for it", async () => {
    const result = await judge(V3, V2, criteria({ compareToBaseline: false }));
    expect(result.verdict).toBe("pass");
    expect(result.metrics.comparison).toBeUndefined();
  });
});

describe("go-bench gate: the named benchmark and ceilings", () => {
  it("fails when the named benchmark is missing, naming the benchmarks found", async () => {
    const result = await judge(V2, V1, criteria({ benchmark: "SyncBlock" }));
    expect(result.verdict).toBe("fail");
    expect(result.reasons).toEqual([
      'benchmark "SyncBlock" not found; the file has BenchmarkEncodeRows, BenchmarkChecksum',
    ]);
    expect((await judge(V2, null, criteria({ benchmark: "Benchmark", compareToBaseline: false }))).reasons).toEqual([
      'benchmark "Benchmark" not found; the file has BenchmarkEncodeRows, BenchmarkChecksum',
    ]);
  });

  it("matches the name with or without the Benchmark prefix and the -GOMAXPROCS suffix", async () => {
    const results = await parseGoBench(bytesOf(V2), DEFAULT_LIMITS);
    for (const name of ["EncodeRows", "BenchmarkEncodeRows", "BenchmarkEncodeRows-2", "EncodeRows-8"])
      expect(findBenchmark(results, name), name).toBe("BenchmarkEncodeRows");
    expect(findBenchmark(results, "Encode")).toBeNull();
  });

  it("holds each metric's median to its ceiling", async () => {
    // v2's EncodeRows medians: 9850 ns/op, 9472 B/op, 1 allocs/op
    const at = await judge(
      V2,
      null,
      criteria({ compareToBaseline: false, maxNsPerOp: 9850, maxBytesPerOp: 9472, maxAllocsPerOp: 1 }),
    );
    expect(at.verdict).toBe("pass");
    const under = await judge(
      V2,
      null,
      criteria({ compareToBaseline: false, maxNsPerOp: 9000, maxBytesPerOp: 8192, maxAllocsPerOp: 0 }),
    );
    expect(under.reasons).toEqual([
      "BenchmarkEncodeRows median 9850 ns/op > 9000 ns/op",
      "BenchmarkEncodeRows median 9472 B/op > 8192 B/op",
      "BenchmarkEncodeRows median 1 allocs/op > 0 allocs/op",
    ]);
    expect((await judge(V2, null, criteria({ compareToBaseline: false, maxBytesPerOp: 9000 }))).reasons).toEqual([
      "BenchmarkEncodeRows median 9472 B/op > 9000 B/op",
    ]);
  });

  it("fails a memory ceiling when the file has no -benchmem figures", async () => {
    const withoutMem = V2.replace(/\s+\d+ B\/op\s+\d+ allocs\/op/g, "");
    const result = await judge(withoutMem, null, criteria({ compareToBaseline: false, maxAllocsPerOp: 5 }));
    expect(result.reasons).toEqual(["BenchmarkEncodeRows reports no allocs/op (run go test with -benchmem)"]);
  });

  it("summarises every benchmark per metric with median, min, max and n", async () => {
    const result = await judge(V2, null, criteria({ compareToBaseline: false }));
    expect(result.metrics.summaries).toEqual([
      { name: "BenchmarkEncodeRows", metric: "ns/op", median: 9850, min: 8674, max: 15744, n: 6 },
      { name: "BenchmarkEncodeRows", metric: "B/op", median: 9472, min: 9472, max: 9472, n: 6 },
      { name: "BenchmarkEncodeRows", metric: "allocs/op", median: 1, min: 1, max: 1, n: 6 },
      { name: "BenchmarkChecksum", metric: "ns/op", median: 3432, min: 3348, max: 3624, n: 6 },
      { name: "BenchmarkChecksum", metric: "B/op", median: 128, min: 128, max: 128, n: 6 },
      { name: "BenchmarkChecksum", metric: "allocs/op", median: 2, min: 2, max: 2, n: 6 },
    ]);
  });
});

describe("benchmark comparison per metric", () => {
  it("compares every metric of every benchmark in both files", async () => {
    const changes = compareResults(
      await parseGoBench(bytesOf(V1), DEFAULT_LIMITS),
      await parseGoBench(bytesOf(V2), DEFAULT_LIMITS),
    );
    expect(changes.map((c) => [c.name, c.metric, c.verdict])).toEqual([
      ["BenchmarkEncodeRows", "ns/op", "faster"],
      ["BenchmarkEncodeRows", "B/op", "faster"],
      ["BenchmarkEncodeRows", "allocs/op", "faster"],
      ["BenchmarkChecksum", "ns/op", "faster"],
      ["BenchmarkChecksum", "B/op", "no significant change"],
      ["BenchmarkChecksum", "allocs/op", "no significant change"],
    ]);
    expect(changes[1]).toMatchObject({
      baseline: { median: 581392, min: 581386, max: 581429, n: 6 },
      current: { median: 9472, min: 9472, max: 9472, n: 6 },
    });
    expect(changes[4]).toMatchObject({ deltaPct: 0, p: 1 });
  });
});

describe("evidence roles", () => {
  it("allows the baseline role on go-bench evidence only", () => {
    expect(checkEvidenceRole(undefined, "lcov")).toEqual({ ok: true, role: null });
    expect(checkEvidenceRole("", "lcov")).toEqual({ ok: true, role: null });
    expect(checkEvidenceRole("baseline", "go-bench")).toEqual({ ok: true, role: "baseline" });
    expect(checkEvidenceRole("baseline", "junit")).toEqual({
      ok: false,
      reason: 'role "baseline" is only for go-bench evidence, not junit',
    });
    expect(checkEvidenceRole("reference", "go-bench")).toEqual({
      ok: false,
      reason: 'role must be "baseline" (or absent)',
    });
  });
});
