import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CashFlow } from "./report";
import { cashFlowChart, histogramChart, systemMapDrawing } from "./report-charts";
import { sampleSystemMap } from "./report.fixture";
import { layoutSystemMap } from "./system-map-layout";

const flows = (values: [number, number][]): CashFlow[] =>
  values.map(([investmentMinor, benefitMinor], month) => ({
    month,
    investmentMinor,
    benefitMinor,
    netMinor: benefitMinor - investmentMinor,
  }));

const money = (minor: number) => String(minor);
const points = (polyline: string) =>
  polyline.split(" ").map((pair) => {
    const [x, y] = pair.split(",").map(Number) as [number, number];
    return { x, y };
  });

describe("cashFlowChart", () => {
  const chart = cashFlowChart({
    cashFlows: flows([
      [500, 0],
      [0, 0],
      [300, 100],
      [0, 200],
      [0, 200],
      [0, 200],
    ]),
    paybackMonth: 5,
    money,
    paybackLabel: (month) => `payback ${month}`,
  });
  const { plot } = chart;

  it("draws investments down from the zero line and benefits up, inside the plot", () => {
    expect(chart.investments).toHaveLength(2);
    expect(chart.benefits).toHaveLength(4);
    for (const bar of chart.investments) {
      expect(bar.y).toBeCloseTo(chart.zeroY, 1);
      expect(bar.y + bar.height).toBeLessThanOrEqual(plot.bottom + 0.01);
    }
    for (const bar of chart.benefits) {
      expect(bar.y + bar.height).toBeCloseTo(chart.zeroY, 1);
      expect(bar.y).toBeGreaterThanOrEqual(plot.top - 0.01);
    }
    // the larger investment is the longer bar
    expect(chart.investments[0]!.height).toBeGreaterThan(chart.investments[1]!.height);
  });

  it("draws the cumulative net through each month's centre, crossing zero at the bars' zero line", () => {
    const line = points(chart.cumulative);
    expect(line).toHaveLength(6);
    // cumulative: -500, -500, -700, -500, -300, -100 (never positive): every point at or below zero
    for (const p of line) expect(p.y).toBeGreaterThanOrEqual(chart.zeroY - 0.01);
    // the deepest point (month 2) is the lowest on the page, still inside the plot
    expect(Math.max(...line.map((p) => p.y))).toBe(line[2]!.y);
    expect(line[2]!.y).toBeLessThanOrEqual(plot.bottom);
    const centres = line.map((p) => p.x);
    expect(chart.investments[0]!.x + chart.investments[0]!.width / 2).toBeCloseTo(centres[0]!, 1);
  });

  it("marks the payback month and labels both axes", () => {
    expect(chart.payback).toMatchObject({ x: points(chart.cumulative)[5]!.x, label: "payback 5" });
    // the last month's label sits left of its line: right of it would leave the chart
    expect(chart.payback!.box.align).toBe("right");
    expect(chart.payback!.box.left + chart.payback!.box.width).toBeLessThanOrEqual(chart.payback!.x);
    expect(chart.yTicks.some((t) => t.label === "0" && Math.abs(t.at - chart.zeroY) < 0.01)).toBe(true);
    expect(chart.cumulativeTicks.some((t) => t.label === "0" && Math.abs(t.at - chart.zeroY) < 0.01)).toBe(true);
    expect(chart.xTicks.map((t) => t.label)).toEqual(["0", "1", "2", "3", "4", "5"]);
  });

  it("keeps every shape inside the plot whatever the flows", () => {
    const flow = fc.tuple(fc.nat(10_000_000), fc.nat(10_000_000));
    fc.assert(
      fc.property(fc.array(flow, { minLength: 1, maxLength: 60 }), fc.option(fc.nat(59)), (values, payback) => {
        const c = cashFlowChart({
          cashFlows: flows(values),
          paybackMonth: payback === null ? null : Math.min(payback, values.length - 1),
          money,
          paybackLabel: String,
        });
        for (const bar of [...c.investments, ...c.benefits]) {
          expect(bar.y).toBeGreaterThanOrEqual(c.plot.top - 0.01);
          expect(bar.y + bar.height).toBeLessThanOrEqual(c.plot.bottom + 0.01);
          expect(bar.x).toBeGreaterThanOrEqual(c.plot.left - 0.01);
          expect(bar.x + bar.width).toBeLessThanOrEqual(c.plot.right + 0.01);
        }
        for (const p of points(c.cumulative)) {
          expect(p.y).toBeGreaterThanOrEqual(c.plot.top - 0.01);
          expect(p.y).toBeLessThanOrEqual(c.plot.bottom + 0.01);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("histogramChart", () => {
  const histogram = Array.from({ length: 10 }, (_, i) => ({
    fromMinor: -200 + i * 100,
    toMinor: -100 + i * 100,
    count: i === 3 ? 0 : 10 + i,
  }));

  it("draws a bar per non-empty bin, the markers in order and the zero line", () => {
    const chart = histogramChart({
      histogram,
      markers: [
        { valueMinor: 0, label: "P10" },
        { valueMinor: 350, label: "P50" },
        { valueMinor: 700, label: "P90" },
      ],
      money,
      count: String,
    })!;
    expect(chart.bars).toHaveLength(9);
    for (const bar of chart.bars) {
      expect(bar.y).toBeGreaterThanOrEqual(chart.plot.top - 0.01);
      expect(bar.y + bar.height).toBeCloseTo(chart.plot.bottom, 1);
    }
    const [p10, p50, p90] = chart.markers;
    expect(p10!.x).toBeLessThan(p50!.x);
    expect(p50!.x).toBeLessThan(p90!.x);
    expect(new Set(chart.markers.map((m) => m.labelY)).size).toBe(3);
    for (const marker of chart.markers) {
      expect(marker.box.left).toBeGreaterThanOrEqual(0);
      expect(marker.box.left + marker.box.width).toBeLessThanOrEqual(chart.width);
    }
    expect(p10!.box.align).toBe("left");
    expect(p90!.box.align).toBe("right");
    expect(chart.zeroX).toBe(p10!.x);
    // the tallest bin reaches at least the highest count tick's share
    const tallest = chart.bars.at(-1)!;
    expect(tallest.height).toBeGreaterThan(chart.bars[0]!.height);
  });

  it("has no chart for an empty histogram and no zero line when every outcome is positive", () => {
    expect(histogramChart({ histogram: [], markers: [], money, count: String })).toBeNull();
    const positive = histogramChart({
      histogram: [{ fromMinor: 100, toMinor: 200, count: 3 }],
      markers: [],
      money,
      count: String,
    })!;
    expect(positive.zeroX).toBeNull();
  });
});

describe("systemMapDrawing", () => {
  const layout = layoutSystemMap(sampleSystemMap);
  const detail = () => "detail";

  it("scales the map down to fit its box, never up", () => {
    const small = systemMapDrawing({ map: sampleSystemMap, layout, detail, maxWidth: 300, maxHeight: 1000 })!;
    expect(small.width).toBeLessThanOrEqual(300);
    expect(small.height).toBeCloseTo((layout.height * 300) / layout.width, 0);
    const roomy = systemMapDrawing({ map: sampleSystemMap, layout, detail, maxWidth: 5000, maxHeight: 5000 })!;
    expect([roomy.width, roomy.height]).toEqual([layout.width, layout.height]);
  });

  it("puts each node's text inside its box and an arrowhead at each dependency's end", () => {
    const drawing = systemMapDrawing({ map: sampleSystemMap, layout, detail, maxWidth: 754, maxHeight: 300 })!;
    for (const node of drawing.nodes) {
      expect(node.text.left).toBeGreaterThan(node.x);
      expect(node.text.left + node.text.width).toBeLessThanOrEqual(node.x + node.width + 0.01);
      expect(node.text.detailTop + node.text.detailSize * 1.2).toBeLessThanOrEqual(node.y + node.height + 0.01);
    }
    expect(drawing.nodes.find((n) => n.id === "cmp-reconciler")!.owesDelay).toBe(true);
    expect(drawing.nodes.find((n) => n.id === "cmp-nodes")!.owesDelay).toBe(false);
    for (const edge of drawing.edges) expect(edge.arrow.split(" ")[0]).toBe(edge.points.split(" ").at(-1));
  });

  it("draws nothing for an empty map", () => {
    const empty = { components: [], dependencies: [] };
    expect(
      systemMapDrawing({ map: empty, layout: layoutSystemMap(empty), detail, maxWidth: 100, maxHeight: 100 }),
    ).toBeNull();
  });
});
