import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchmarkReport, type BenchmarkReportRow } from "./benchmark-report";
import { benchmarkReportViewModel, REPORT_LAYOUT, type BenchmarkReportSource } from "./benchmark-report-document";
import { DEFAULT_LIMITS } from "./evidence/errors";
import { parseGoBench } from "./evidence/go-bench";
import { bytesOf } from "./evidence/stream";

const parsed = (name: string) =>
  parseGoBench(bytesOf(readFileSync(path.join(import.meta.dirname, "evidence", "fixtures", name))), DEFAULT_LIMITS);

async function source(baseline: string, current: string): Promise<BenchmarkReportSource> {
  return {
    engagement: "Ledger sync",
    client: "Eastbank",
    milestone: "Proof of concept",
    baseline: {
      sha256: "a".repeat(64),
      filename: "bench-v1.txt",
      createdAt: "2026-11-20T09:30:00.000Z",
      milestoneTitle: "Architecture review",
    },
    current: {
      sha256: "b".repeat(64),
      filename: null,
      createdAt: "2026-11-27T16:05:00.000Z",
      milestoneTitle: "Proof of concept",
    },
    report: benchmarkReport(await parsed(baseline), await parsed(current)),
  };
}

/** The fixtures' rows under many long sub-benchmark names. */
function manyBenchmarks(rows: readonly BenchmarkReportRow[], count: number): BenchmarkReportRow[] {
  return Array.from({ length: count }, (_, i) =>
    rows.map((row) => ({ ...row, name: `${row.name}/rows=${10 ** (i % 5)}/parallel=${i}` })),
  ).flat();
}

describe("benchmark report document", () => {
  it("labels, figures and chart bars in English", async () => {
    const vm = benchmarkReportViewModel(
      await source("bench-rowdigest-v2.txt", "bench-rowdigest-v3.txt"),
      "en",
      new Date("2026-12-01T08:00:00Z"),
    );
    expect(vm.title).toBe("Go benchmark comparison report");
    expect(vm.engagement).toBe("Ledger sync · Eastbank");
    expect(vm.files).toEqual([
      {
        label: "Baseline",
        value: `bench-v1.txt · SHA-256 ${"a".repeat(12)} · 2026-11-20 09:30 UTC · Architecture review`,
      },
      {
        label: "Current",
        value: `(unnamed file) · SHA-256 ${"b".repeat(12)} · 2026-11-27 16:05 UTC · Proof of concept`,
      },
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
    const vm = benchmarkReportViewModel(
      await source("bench-rowdigest-v1.txt", "bench-rowdigest-v2.txt"),
      "zh-CN",
      new Date("2026-12-01T08:00:00Z"),
    );
    expect(vm.title).toBe("Go 基准测试对比报告");
    expect(vm.columns.verdict).toBe("结论");
    expect(vm.pages[0]?.rows.map((row) => row.verdict)).toEqual([
      "更快",
      "更低",
      "更低",
      "更快",
      "无显著变化",
      "无显著变化",
    ]);
  });

  it("splits benchmarks into pages in order, each within the page's body by the generous estimate", async () => {
    const wide = await source("bench-rowdigest-v1.txt", "bench-rowdigest-v2.txt");
    const many = manyBenchmarks(wide.report.benchmarks, 20);
    const vm = benchmarkReportViewModel({ ...wide, report: { ...wide.report, benchmarks: many } }, "en", new Date());
    expect(vm.pages.length).toBeGreaterThan(2);
    expect(vm.pages.flatMap((page) => page.rows.map((row) => `${row.benchmark} ${row.metric}`))).toEqual(
      many.map((row) => `${row.name.replace(/\//g, "/\u200B")} ${row.metric}`),
    );
    expect(vm.pages.every((page) => page.rows.length === page.chart.length * 3)).toBe(true);
    // a first page holds the header as well, so it never holds more than a later one
    expect(vm.pages[0]!.chart.length).toBeLessThanOrEqual(vm.pages[1]!.chart.length);
    expect(REPORT_LAYOUT.body).toBeCloseTo(511.28, 2);
  });

  it("keeps an empty comparison one page long and names what only one file has", async () => {
    const empty = benchmarkReportViewModel(await source("bench-old.txt", "bench-rowdigest-v2.txt"), "en", new Date());
    expect(empty.pages).toEqual([{ chart: [], rows: [] }]);
    expect(empty.notes).toEqual([
      "Only in the baseline (not compared): BenchmarkSyncBlock, BenchmarkHashLeaf",
      "Only in the current run (not compared): BenchmarkEncodeRows, BenchmarkChecksum",
    ]);
  });
});
