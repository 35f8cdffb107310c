import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchmarkReport, formatDelta, verdictWord } from "./benchmark-report";
import { DEFAULT_LIMITS } from "./evidence/errors";
import { parseGoBench } from "./evidence/go-bench";
import { bytesOf } from "./evidence/stream";

const parsed = (name: string) =>
  parseGoBench(bytesOf(readFileSync(path.join(import.meta.dirname, "evidence", "fixtures", name))), DEFAULT_LIMITS);

describe("benchmark report", () => {
  it("has a row per benchmark and metric with both sides' figures, delta, p and verdict", async () => {
    const report = benchmarkReport(await parsed("bench-rowdigest-v1.txt"), await parsed("bench-rowdigest-v2.txt"));
    expect(report.benchmarks[0]).toEqual({
      name: "BenchmarkEncodeRows",
      metric: "ns/op",
      baseline: { median: 351130.5, min: 275868, max: 524297, n: 6 },
      current: { median: 9850, min: 8674, max: 15744, n: 6 },
      deltaPct: -97.19,
      p: 0.002165,
      verdict: "faster",
    });
    expect(report.benchmarks.map((row) => `${row.name} ${row.metric} ${row.verdict}`)).toEqual([
      "BenchmarkEncodeRows ns/op faster",
      "BenchmarkEncodeRows B/op faster",
      "BenchmarkEncodeRows allocs/op faster",
      "BenchmarkChecksum ns/op faster",
      "BenchmarkChecksum B/op no significant change",
      "BenchmarkChecksum allocs/op no significant change",
    ]);
    expect(report.onlyInBaseline).toEqual([]);
  });

  it("names benchmarks only one side has", async () => {
    const report = benchmarkReport(await parsed("bench-old.txt"), await parsed("bench-rowdigest-v2.txt"));
    expect(report.benchmarks).toEqual([]);
    expect(report.onlyInBaseline).toEqual(["BenchmarkSyncBlock", "BenchmarkHashLeaf"]);
    expect(report.onlyInCurrent).toEqual(["BenchmarkEncodeRows", "BenchmarkChecksum"]);
  });

  it("reads verdicts per metric: time faster or slower, memory lower or higher", () => {
    expect(verdictWord("ns/op", "slower")).toBe("slower");
    expect(verdictWord("B/op", "faster")).toBe("lower");
    expect(verdictWord("allocs/op", "slower")).toBe("higher");
    expect(verdictWord("ns/op", "no significant change")).toBe("unchanged");
    expect(formatDelta(339.04, "en")).toBe("+339.04%");
    expect(formatDelta(-97.19, "en")).toBe("−97.19%");
    expect(formatDelta(null, "en")).toBe("—");
  });
});
