import { describe, expect, it } from "vitest";
import {
  binIndexOf,
  bpAsPercentText,
  cashFlowPoints,
  compactMoney,
  histogramPoints,
  monthKeyAt,
  parsePercentBp,
} from "./chart-data";

describe("ROI chart data", () => {
  it("draws investments below the axis and accumulates the net", () => {
    const points = cashFlowPoints([
      { month: 0, investmentMinor: 500, benefitMinor: 0, netMinor: -500 },
      { month: 1, investmentMinor: 0, benefitMinor: 300, netMinor: 300 },
      { month: 2, investmentMinor: 100, benefitMinor: 400, netMinor: 300 },
    ]);
    expect(points.map((p) => p.investmentMinor)).toEqual([-500, -0, -100]);
    expect(points.map((p) => p.cumulativeMinor)).toEqual([-500, -200, 100]);
  });

  it("finds the histogram bin of a percentile, clamping figures outside the bins", () => {
    const bins = [
      { fromMinor: 0, toMinor: 10, count: 1 },
      { fromMinor: 10, toMinor: 20, count: 5 },
      { fromMinor: 20, toMinor: 30, count: 2 },
    ];
    expect(histogramPoints(bins).map((p) => p.index)).toEqual([0, 1, 2]);
    expect(binIndexOf(bins, 10)).toBe(1);
    expect(binIndexOf(bins, 30)).toBe(2);
    expect(binIndexOf(bins, -5)).toBe(0);
    expect(binIndexOf([], 5)).toBeNull();
  });

  it("counts months from the start month across years", () => {
    expect(monthKeyAt("2026-11", 0)).toBe("2026-11");
    expect(monthKeyAt("2026-11", 2)).toBe("2027-01");
    expect(monthKeyAt("2026-01", 35)).toBe("2028-12");
  });

  it("reads a percentage as basis points exactly and writes it back", () => {
    expect(parsePercentBp("8")).toBe(800);
    expect(parsePercentBp("8.25 %")).toBe(825);
    expect(parsePercentBp("0.07")).toBe(7);
    expect(parsePercentBp("8.125")).toBeNull();
    expect(parsePercentBp("-1")).toBeNull();
    expect(bpAsPercentText(800)).toBe("8");
    expect(bpAsPercentText(825)).toBe("8.25");
    expect(bpAsPercentText(0)).toBe("0");
  });

  it("writes short money for axis ticks from minor units", () => {
    expect(compactMoney(420_000_000, "CNY", "en")).toBe("CN¥4.2M");
    expect(compactMoney(-250_000, "CNY", "en")).toBe("-CN¥2.5K");
  });
});
