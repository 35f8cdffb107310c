import { describe, expect, it } from "vitest";
import type { RoiReport } from "./report";
import { roiReportDocument, SYSTEM_MAP_BOX } from "./report-document";
import { compactMoney, exactMoneyWords, roundedMoneyWords } from "./report-money";
import { sampleRoiReport } from "./report.fixture";
import { estimateWidth } from "./system-map-layout";

// A report with the field guide's shape and round figures, so every sentence can be read exactly.
function eastBank(): RoiReport {
  const base = sampleRoiReport();
  const fees = new Map([
    [0, 36_000_000],
    [2, 72_000_000],
    [5, 108_000_000],
    [11, 24_000_000],
  ]);
  const cashFlows = Array.from({ length: 36 }, (_, month) => {
    const investmentMinor = fees.get(month) ?? 0;
    const benefitMinor = month >= 6 ? 42_000_000 : 0;
    return { month, investmentMinor, benefitMinor, netMinor: benefitMinor - investmentMinor };
  });
  return {
    ...base,
    currency: "CNY",
    discountRate: 0.08,
    horizonMonths: 36,
    cashFlows,
    npvMinor: 910_000_000,
    irrAnnual: 1.534,
    paybackMonth: 7,
    monteCarlo: {
      status: "ready",
      seed: 17,
      draws: 10_000,
      npvP10Minor: 620_000_000,
      npvP50Minor: 905_000_000,
      npvP90Minor: 1_180_000_000,
      probabilityPositive: 0.987,
      histogram: [
        { fromMinor: -100_000_000, toMinor: 400_000_000, count: 130 },
        { fromMinor: 400_000_000, toMinor: 900_000_000, count: 4_870 },
        { fromMinor: 900_000_000, toMinor: 1_400_000_000, count: 5_000 },
      ],
    },
    debt: [
      {
        id: "debt-gateway",
        title: "Legacy JSON-RPC gateway without circuit breaker",
        impact: "critical",
        costPerQuarterMinor: 420_000_000,
        fixDays: 17,
        fixCostMinor: 20_400_000,
        costOfDelayPerWeekMinor: 32_307_692,
        paybackWeeks: 0.63,
        wsjf: 1_900_452.47,
        plAccount: "lost revenue",
      },
    ],
    inputs: { ...base.inputs, startMonth: "2026-09", dayRateMinor: 1_200_000, seed: 17, draws: 10_000 },
  };
}

const pending = (report: RoiReport): RoiReport => ({
  ...report,
  monteCarlo: {
    ...report.monteCarlo,
    status: "pending",
    npvP10Minor: null,
    npvP50Minor: null,
    npvP90Minor: null,
    probabilityPositive: null,
    histogram: [],
  },
});

describe("roiReportDocument", () => {
  it("says in English what the client pays, avoids, when it pays back and how sure we are", () => {
    const doc = roiReportDocument(eastBank(), "en", estimateWidth);
    expect(doc.summary).toEqual([
      "East Bank pays CNY 2,400,000 in fees and fixes by month 11 (August 2027) and avoids CNY 12.6 million of losses over 36 months.",
      "The investment pays back in month 7 (April 2027).",
      "Net present value at 8 %: CNY 9.1 million; 80 % confidence interval (P10–P90): CNY 6.2 million to CNY 11.8 million; NPV is positive in 98.7 % of 10,000 simulated outcomes.",
    ]);
    expect(doc.figures).toContainEqual({ label: "Net present value (NPV)", value: "CN¥9,100,000.00" });
    expect(doc.figures).toContainEqual({ label: "Internal rate of return", value: "153.4 % a year" });
    expect(doc.figures).toContainEqual({ label: "Payback", value: "month 7 (April 2027)" });
    expect(doc.figures).toContainEqual({ label: "NPV P10", value: "CN¥6,200,000.00" });
  });

  it("says the same in Chinese, with 净现值 and 置信区间", () => {
    const doc = roiReportDocument(eastBank(), "zh-CN", estimateWidth);
    expect(doc.title).toBe("投资回报分析");
    expect(doc.summary).toEqual([
      "East Bank在第 11 个月（2027年8月）前支付费用和修复成本共人民币 2,400,000，并在 36 个月内避免人民币 1260万的损失。",
      "投资在第 7 个月（2027年4月）收回。",
      "按 8 % 折现率计算的净现值（NPV）：人民币 910万；80 % 置信区间（P10–P90）：人民币 620万至人民币 1180万；在 10,000 次模拟结果中，净现值为正的占 98.7 %。",
    ]);
  });

  it('says "the client" when the report names none (a snapshot shared before it did)', () => {
    const report = eastBank();
    const unnamed = { ...report, inputs: { ...report.inputs, clientName: "" } };
    expect(roiReportDocument(unnamed, "en", estimateWidth).summary[0]).toMatch(/^The client pays /);
    expect(roiReportDocument(unnamed, "zh-CN", estimateWidth).summary[0]).toMatch(/^客户在第 /);
  });

  it("prints a running simulation as running, with no interval and no histogram", () => {
    const doc = roiReportDocument(pending(eastBank()), "en", estimateWidth);
    expect(doc.summary[2]).toBe(
      "Net present value at 8 %: CNY 9.1 million. The simulation of 10,000 outcomes is still running: the confidence interval is not available yet.",
    );
    expect(doc.summary.join(" ")).not.toContain("P10");
    expect(doc.figures).toContainEqual({ label: "NPV P90", value: "simulation running" });
    expect(doc.histogram.chart).toBeNull();
    expect(doc.histogram.pending).toContain("still running");
  });

  it("says when nothing pays back and when the flows have no IRR", () => {
    const doc = roiReportDocument({ ...eastBank(), paybackMonth: null, irrAnnual: null }, "en", estimateWidth);
    expect(doc.summary[1]).toBe("The investment does not pay back within the 36-month horizon.");
    expect(doc.figures).toContainEqual({ label: "Payback", value: "not within 36 months" });
    expect(doc.figures).toContainEqual({
      label: "Internal rate of return",
      value: "none: the net flows never change sign",
    });
  });

  it("lays out the ranked debt register and 36 months of cash flows with a cumulative column", () => {
    const doc = roiReportDocument(eastBank(), "en", estimateWidth);
    expect(doc.debt.table!.rows).toEqual([
      [
        "1",
        "Legacy JSON-RPC gateway without circuit breaker",
        "Critical",
        "CN¥4,200,000.00",
        "17",
        "CN¥204,000.00",
        "CN¥323,076.92",
        "0.63",
        "CN¥19,004.52",
        "lost revenue",
      ],
    ]);
    const table = doc.cashFlows.table;
    expect(table.rows).toHaveLength(36);
    expect(table.rows[6]).toEqual(["6", "Mar 2027", "CN¥0.00", "CN¥420,000.00", "CN¥420,000.00", "-CN¥1,740,000.00"]);
    expect(table.total).toEqual(["Total", "", "CN¥2,400,000.00", "CN¥12,600,000.00", "CN¥10,200,000.00", ""]);
    for (const t of [doc.debt.table!, table]) {
      expect(t.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      expect(t.columns).toHaveLength(t.widths.length);
    }
  });

  it("lists the assumptions: rate, horizon, seed, draws, day rate and every range", () => {
    const doc = roiReportDocument(eastBank(), "en", estimateWidth);
    expect(doc.assumptions.facts).toEqual([
      { label: "Currency", value: "CNY" },
      { label: "Discount rate", value: "8 % a year (0.643 % a month)" },
      { label: "Horizon", value: "36 months from September 2026" },
      { label: "Day rate", value: "CN¥12,000.00" },
      { label: "Random seed", value: "17" },
      { label: "Simulated outcomes", value: "10,000" },
    ]);
    const [ranges, milestones, objectives, adrs] = doc.assumptions.sections;
    expect(ranges!.table!.rows[0]).toEqual([
      "Legacy JSON-RPC gateway without circuit breaker",
      "CN¥3,600,000.00 / CN¥4,200,000.00 / CN¥5,000,000.00",
      "14 / 17 / 24",
      "month 2 (November 2026)",
    ]);
    expect(milestones!.table!.rows[0]).toEqual([
      "Discovery and sync audit",
      "CN¥360,000.00",
      "month 0 (September 2026)",
      "its invoice",
    ]);
    expect(objectives!.table!.rows).toHaveLength(1);
    expect(adrs!.table!.rows[0]).toEqual([
      "ADR 7: Use embedded SQLite storage",
      "infrastructure",
      "CN¥90,000.00",
      "per quarter",
      "saving",
      "month 0 (September 2026)",
    ]);
  });

  it("warns that fix costs are unknown without a day rate", () => {
    const report = eastBank();
    const doc = roiReportDocument({ ...report, inputs: { ...report.inputs, dayRateMinor: null } }, "en", estimateWidth);
    expect(doc.debt.notes).toEqual(["Fix costs are unknown until the engagement has a day rate."]);
    expect(doc.assumptions.facts).toContainEqual({ label: "Day rate", value: "not set (fix costs counted as zero)" });
  });

  it("draws the system map inside its box with each component's money, and lists the components", () => {
    const doc = roiReportDocument(eastBank(), "en", estimateWidth);
    const drawing = doc.systemMap.drawing!;
    expect(drawing.width).toBeLessThanOrEqual(SYSTEM_MAP_BOX.width);
    expect(drawing.height).toBeLessThanOrEqual(SYSTEM_MAP_BOX.height);
    expect(drawing.nodes.find((n) => n.id === "cmp-reconciler")).toMatchObject({
      name: "Reconciler",
      detail: "delay CN¥300K/quarter · fees CN¥1.1M",
    });
    // the costliest component first: the gateway, whose scheduled fix has not stopped its cost yet
    expect(doc.systemMap.components!.rows[0]!.slice(0, 4)).toEqual([
      "JSON-RPC gateway",
      "gateway",
      "CN¥4,200,000.00",
      "CN¥720,000.00",
    ]);
    const empty = roiReportDocument(
      { ...eastBank(), systemMap: { components: [], dependencies: [] } },
      "zh-CN",
      estimateWidth,
    );
    expect(empty.systemMap.drawing).toBeNull();
    expect(empty.systemMap.components).toBeNull();
    expect(empty.systemMap.empty).toBe("本项目尚未绘制系统架构图。");
  });
});

describe("ROI money words", () => {
  it("keeps contract amounts exact and rounds estimates the way a finance reader says them", () => {
    expect(exactMoneyWords(240_000_000, "CNY", "en")).toBe("CNY 2,400,000");
    expect(exactMoneyWords(12_345, "CNY", "en")).toBe("CNY 123.45");
    expect(exactMoneyWords(240_000_000, "CNY", "zh-CN")).toBe("人民币 2,400,000");
    expect(roundedMoneyWords(1_260_000_000, "CNY", "en")).toBe("CNY 12.6 million");
    expect(roundedMoneyWords(-620_000_000, "CNY", "en")).toBe("CNY -6.2 million");
    expect(roundedMoneyWords(86_512_345, "CNY", "en")).toBe("CNY 865,123");
    expect(roundedMoneyWords(123_456_789_000, "CNY", "zh-CN")).toBe("人民币 12.3亿");
    expect(roundedMoneyWords(86_500_000, "CNY", "zh-CN")).toBe("人民币 86.5万");
    expect(exactMoneyWords(5_000, "JPY", "en")).toBe("JPY 5,000");
  });

  it("shortens amounts for axes and map nodes", () => {
    expect(compactMoney(1_260_000_000, "CNY", "en")).toBe("CN¥12.6M");
    expect(compactMoney(86_500_000, "CNY", "en")).toBe("CN¥865K");
    expect(compactMoney(-36_000_000, "CNY", "zh-CN")).toBe("-¥36万");
    expect(compactMoney(0, "CNY", "en")).toBe("CN¥0");
  });
});
