import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchmarkReport, benchmarkReportViewModel, BENCHMARKS_PER_PAGE, formatDelta, verdictWord, type BenchmarkReportSource } from "./benchmark-report";
import { DEFAULT_LIMITS } from "./evidence/errors";
import { parseGoBench } from "./evidence/go-bench";
import { bytesOf } from "./evidence/stream";

const parsed = (name: string) => parseGoBench(bytesOf(readFileSync(path.join(import.meta.dirname, "evidence", "fixtures", name))), DEFAULT_LIMITS);

async function source(baseline: string, current: string): Promise<BenchmarkReportSource> {
  return {
    engagement: "Ledger sync",
    client: "Eastbank",
    milestone: "Proof of concept",
    baseline: { sha256: "a".repeat(64), filename: "bench-v1.txt", createdAt: "2026-11-20T09:30:00.000Z", milestoneTitle: "Architecture review" },
    current: { sha256: "b".repeat(64), filename: null, createdAt: "2026-11-27T16:05:00.000Z", milestoneTitle: "Proof of concept" },
    report: benchmarkReport(await parsed(baseline), await parsed(current)),
  };
}

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

describe("benchmark report document", () => {
  it("labels, figures and chart bars in English", async () => {
    const vm = benchmarkReportViewModel(await source("bench-rowdigest-v2.txt", "bench-rowdigest-v3.txt"), "en", new Date("2026-12-01T08:00:00Z"));
    expect(vm.title).toBe("Go benchmark comparison report");
    expect(vm.files).toEqual([
      { label: "Baseline", value: `bench-v1.txt · SHA-256 ${"a".repeat(12)} · 2026-11-20 09:30 UTC · Architecture review` },
      { label: "Current", value: `(unnamed file) · SHA-256 ${"b".repeat(12)} · 2026-11-27 16:05 UTC · Proof of concept` },
    ]);
    const [page] = vm.pages;
    expect(page?.rows[0]).toEqual({
      benchmark: "BenchmarkEncodeRows",
      metric: "ns/op",
      baseline: "9,850 (8,674–15,744, n=6)",
      current: "43,245.5 (27,867–55,496, n=6)",
      delta: "+339.04%",
      p: "0.002165",
      verdict: "Slower",
      tone: "worse",
    });
    expect(page?.rows[1]?.verdict).toBe("Higher");
    const encode = page?.chart[0];
    expect(encode?.bars.map((bar) => [bar.label, bar.text, bar.tone])).toEqual([
      ["Baseline", "9,850 ns/op", "baseline"],
      ["Current", "43,245.5 ns/op", "worse"],
    ]);
    // scaled to the larger maximum of the two sides
    expect(encode?.bars[1].max).toBe(1);
    expect(encode?.bars[0].median).toBeCloseTo(9850 / 55496, 6);
  });

  it("speaks Chinese for a Chinese reader", async () => {
    const vm = benchmarkReportViewModel(await source("bench-rowdigest-v1.txt", "bench-rowdigest-v2.txt"), "zh-CN", new Date("2026-12-01T08:00:00Z"));
    expect(vm.title).toBe("Go 基准测试对比报告");
    expect(vm.columns.verdict).toBe("结论");
    expect(vm.pages[0]?.rows.map((row) => row.verdict)).toEqual(["更快", "更低", "更低", "更快", "无显著变化", "无显著变化"]);
  });

  it("puts a fixed number of benchmarks on each page and keeps an empty report one page long", async () => {
    const wide = await source("bench-rowdigest-v1.txt", "bench-rowdigest-v2.txt");
    const many = Array.from({ length: 9 }, (_, i) => wide.report.benchmarks.map((row) => ({ ...row, name: `${row.name}/${i}` }))).flat();
    const vm = benchmarkReportViewModel({ ...wide, report: { ...wide.report, benchmarks: many } }, "en", new Date());
    // 18 benchmarks, 3 metrics each
    expect(vm.pages).toHaveLength(Math.ceil(18 / BENCHMARKS_PER_PAGE));
    expect(vm.pages.flatMap((page) => page.chart.map((group) => group.name))).toEqual(many.filter((row) => row.metric === "ns/op").map((row) => row.name));
    expect(vm.pages.every((page) => page.chart.length <= BENCHMARKS_PER_PAGE && page.rows.length === page.chart.length * 3)).toBe(true);
    const empty = benchmarkReportViewModel(await source("bench-old.txt", "bench-rowdigest-v2.txt"), "en", new Date());
    expect(empty.pages).toEqual([{ chart: [], rows: [] }]);
    expect(empty.notes).toEqual(["Only in the baseline (not compared): BenchmarkSyncBlock, BenchmarkHashLeaf", "Only in the current run (not compared): BenchmarkEncodeRows, BenchmarkChecksum"]);
  });
});
