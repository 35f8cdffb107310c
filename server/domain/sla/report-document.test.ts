import { describe, expect, it } from "vitest";
import { niceCeiling, slaChart } from "./report-chart";
import { periodLabel, slaReportViewModel } from "./report-document";
import { novemberReportSource } from "./report-source.fixture";

const generatedAt = new Date("2026-12-01T08:00:00Z");

describe("SLA report view-model", () => {
  it("states each clause's terms, verdict, figures and incidents in English", () => {
    const vm = slaReportViewModel(novemberReportSource(), "en", generatedAt);
    expect(vm.period).toEqual({ label: "Period", value: "November 2026" });
    expect(vm.summary).toBe("0 of 3 clauses met · 3 breached · 0 without data");
    expect(vm.total).toEqual({ label: "Total SLA credit for the period", value: "CN¥93,000.00" });
    const [sync, availability, errors] = vm.clauses;
    expect(sync).toMatchObject({
      title: "Sync delay",
      verdict: { text: "Breached", tone: "breached" },
      terms: "P99 latency ≤ 1.5 s in every 5-minute window",
      judged: "Judged per month in Asia/Shanghai; credits in CNY.",
      creditTerms: "CN¥2,000.00 per breached window, at most CN¥85,000.00 per incident",
      method: "Block produced to row stored, P99 per 5-minute window",
      exclusions: ["2026-11-15 02:00 – 2026-11-15 04:00 · Node upgrade"],
      times: "Times in Asia/Shanghai.",
    });
    expect(sync!.facts).toEqual([
      { label: "Period value", value: "1.62 s" },
      { label: "Target", value: "≤ 1.5 s" },
      { label: "Windows", value: "8,616 judged · 49 breached · 0 without data · 24 excluded" },
      { label: "Credit", value: "CN¥93,000.00 (capped)" },
    ]);
    // incidents in the clause's zone (UTC+8)
    expect(sync!.incidents).toEqual([
      { from: "2026-11-03 10:00", to: "2026-11-03 13:45", windows: "45", credit: "CN¥85,000.00" },
      { from: "2026-11-20 15:00", to: "2026-11-20 15:20", windows: "4", credit: "CN¥8,000.00" },
    ]);
    expect(availability).toMatchObject({
      terms: "Availability ≥ 99.995 % over the year",
      creditTerms:
        "5 % of CN¥150,000.00 below 99.995 %; 10 % of CN¥150,000.00 below 99.9 %; at most CN¥85,000.00 per period",
      incidents: null,
      chart: null,
      chartTitle: null,
    });
    expect(availability!.facts).toEqual([
      { label: "Period value", value: "99.9988 %" },
      { label: "Target", value: "≥ 99.995 %" },
      { label: "Credit", value: "not credited in this report: the clause is credited per year" },
    ]);
    expect(errors!.triggers).toEqual(["When above 12 for 5 minutes: Joint load test"]);
  });

  it("speaks Simplified Chinese with the same figures", () => {
    const vm = slaReportViewModel(novemberReportSource(), "zh-CN", generatedAt);
    expect(vm.title).toBe("SLA 合规报告");
    expect(vm.period.value).toBe("2026年11月");
    expect(vm.total.value).toBe("¥93,000.00");
    expect(vm.clauses[0]).toMatchObject({
      verdict: { text: "违约", tone: "breached" },
      terms: "每个 5 分钟窗口内 P99 延迟 ≤ 1.5 s",
      creditTerms: "每个违约窗口赔付 ¥2,000.00，每次事件最多 ¥85,000.00",
    });
    expect(vm.clauses[1]!.terms).toBe("每年可用性 ≥ 99.995 %");
  });

  it("shows no amount to a viewer the engagement hides amounts from", () => {
    const vm = slaReportViewModel({ ...novemberReportSource(), showsAmounts: false }, "en", generatedAt);
    const hidden = "Amounts are not shown to viewers of this engagement.";
    expect(vm.total.value).toBe(hidden);
    expect(vm.clauses[0]!.creditTerms).toBe(hidden);
    expect(vm.clauses[0]!.facts.at(-1)).toEqual({ label: "Credit", value: "— (capped)" });
    expect(vm.clauses[0]!.incidents!.map((i) => i.credit)).toEqual(["—", "—"]);
    expect(JSON.stringify(vm)).not.toMatch(/CN¥/);
  });

  it("names quarters and years in both languages", () => {
    expect(periodLabel("2026-Q4", "en")).toBe("Q4 2026");
    expect(periodLabel("2026-Q4", "zh-CN")).toBe("2026年第4季度");
    expect(periodLabel("2026", "en")).toBe("2026");
    expect(periodLabel("2026", "zh-CN")).toBe("2026年");
  });

  it("says so when the engagement has no clause, and counts a clause without data as such", () => {
    const source = novemberReportSource();
    const empty = slaReportViewModel(
      { ...source, clauses: [], report: { ...source.report, clauses: [] } },
      "en",
      generatedAt,
    );
    expect(empty.empty).toBe("The engagement has no active SLA clause.");
    const sync = source.clauses[0]!;
    const noData = { ...sync.compliance, value: null, met: null, incidents: [], creditMinor: 0, capped: false };
    const vm = slaReportViewModel(
      {
        ...source,
        clauses: [{ ...sync, compliance: noData, series: [] }],
        report: { ...source.report, clauses: [noData] },
      },
      "en",
      generatedAt,
    );
    expect(vm.clauses[0]!.verdict).toEqual({ text: "No data", tone: "none" });
    expect(vm.clauses[0]!.facts[0]).toEqual({ label: "Period value", value: "no data" });
    expect(vm.clauses[0]!.chart!.lines).toEqual([]);
  });
});

describe("SLA report chart", () => {
  const span = { from: 0, to: 100 * 60_000 };
  const chart = (series: { at: number; value: number }[]) =>
    slaChart({
      span,
      series,
      target: 1.5,
      incidents: [{ from: 10 * 60_000, to: 20 * 60_000 }],
      exclusions: [{ from: 90 * 60_000, to: 200 * 60_000 }],
      label: String,
      timeLabel: (ms) => String(ms / 60_000),
    });

  it("scales window values into the plot, the target inside it, and shades incidents and exclusions in time", () => {
    const c = chart([
      { at: 0, value: 1 },
      { at: 60_000, value: 2 },
    ]);
    const { plot } = c;
    expect(c.target.y).toBeGreaterThan(plot.top);
    expect(c.target.y).toBeLessThan(plot.bottom);
    for (const [x, y] of c.lines.flatMap((l) => l.split(" ").map((p) => p.split(",").map(Number)))) {
      expect(x).toBeGreaterThanOrEqual(plot.left);
      expect(x).toBeLessThanOrEqual(plot.right);
      expect(y).toBeGreaterThanOrEqual(plot.top);
      expect(y).toBeLessThanOrEqual(plot.bottom);
    }
    const width = plot.right - plot.left;
    const incident = c.bands.find((b) => b.kind === "incident")!;
    expect(incident.x).toBeCloseTo(plot.left + width * 0.1, 1);
    expect(incident.width).toBeCloseTo(width * 0.1, 1);
    // an exclusion running past the period is clipped at its end
    const exclusion = c.bands.find((b) => b.kind === "exclusion")!;
    expect(exclusion.x + exclusion.width).toBeCloseTo(plot.right, 1);
    expect(c.yTicks.map((t) => t.label)).toEqual(["0", "1", "2", "3"]);
    expect(c.xTicks).toHaveLength(7);
    expect(c.xTicks[0]).toEqual({ x: plot.left, label: "0" });
    expect(c.xTicks[6]).toEqual({ x: plot.right, label: "100" });
  });

  it("breaks the line where windows have no data", () => {
    const c = chart([
      { at: 0, value: 1 },
      { at: 60_000, value: 1 },
      { at: 2 * 60_000, value: 1 },
      { at: 10 * 60_000, value: 1 },
    ]);
    expect(c.lines).toHaveLength(2);
    expect(c.lines[1]!.split(" ")).toHaveLength(2);
  });

  it("rounds the value axis up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0.8, 1.65, 2.2, 3, 7, 12, 99.995].map(niceCeiling)).toEqual([1, 2, 2.5, 5, 10, 20, 100]);
  });
});
