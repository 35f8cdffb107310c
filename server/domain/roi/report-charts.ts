import { niceCeiling } from "../sla/report-chart";
import type { CashFlow, HistogramBin } from "./report";
import type { SystemMapComponent, SystemMapView } from "./system-map";
import { NODE_TEXT, type SystemMapLayout } from "./system-map-layout";

// The geometry of the ROI report's two charts, in points, so the template only draws.
// Cash flows: per month a bar down for the investment and a bar up for the benefit (left axis),
// the cumulative net as a line (right axis, its zero level with the bars' zero), the payback
// month marked. NPV histogram: the simulated outcomes per bin with P10, P50 and P90 marked.
// System map: the dagre layout scaled to the page, with each node's text placed.

export const ROI_CHART_WIDTH = 507;

export interface Plot {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Tick {
  at: number;
  label: string;
}

export interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CashFlowChart {
  width: number;
  height: number;
  plot: Plot;
  zeroY: number;
  investments: ChartBar[];
  benefits: ChartBar[];
  /** "x,y x,y …" through each month's centre */
  cumulative: string;
  payback: { x: number; label: string; box: LabelBox } | null;
  /** left axis (monthly amounts), y positions */
  yTicks: Tick[];
  /** right axis (cumulative net), y positions */
  cumulativeTicks: Tick[];
  /** x positions */
  xTicks: Tick[];
}

/** Where a marker's label goes: right of its line, or left of it where the chart ends. */
export interface LabelBox {
  left: number;
  width: number;
  align: "left" | "right";
}

export interface HistogramMarker {
  x: number;
  box: LabelBox;
  /** where the label's top sits: staggered so close markers do not overprint */
  labelY: number;
  label: string;
}

export interface HistogramChart {
  width: number;
  height: number;
  plot: Plot;
  bars: ChartBar[];
  markers: HistogramMarker[];
  /** x of NPV = 0 when it falls inside the drawn range */
  zeroX: number | null;
  xTicks: Tick[];
  yTicks: Tick[];
}

const round = (n: number) => Math.round(n * 100) / 100;

const LABEL_GAP = 3;

function labelBox(x: number, width: number, chartWidth: number): LabelBox {
  return x + LABEL_GAP + width <= chartWidth
    ? { left: round(x + LABEL_GAP), width, align: "left" }
    : { left: round(x - LABEL_GAP - width), width, align: "right" };
}

/** Ticks at multiples of a nice step inside [low, high]. */
function ticks(low: number, high: number, count: number): number[] {
  const step = niceCeiling((high - low) / count);
  const out: number[] = [];
  for (let v = Math.ceil(low / step - 1e-9) * step; v <= high + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** The span [low, high] holding every value with zero at fraction `zero` from the bottom. */
function spanWithZeroAt(min: number, max: number, zero: number): { low: number; high: number } {
  const below = zero > 0 ? -min / zero : 0;
  const above = zero < 1 ? max / (1 - zero) : 0;
  // a little headroom: the tallest bar and the line's end do not touch the plot's edge
  const span = Math.max(below, above, 1) * 1.06;
  return { low: -zero * span, high: (1 - zero) * span };
}

const zeroShare = (min: number, max: number) => (max - min <= 0 ? 0 : -min / (max - min));

export function cashFlowChart(input: {
  cashFlows: CashFlow[];
  paybackMonth: number | null;
  money: (minor: number) => string;
  paybackLabel: (month: number) => string;
}): CashFlowChart {
  const width = ROI_CHART_WIDTH;
  const height = 210;
  const plot: Plot = { left: 48, top: 16, right: width - 48, bottom: height - 18 };
  const flows = input.cashFlows;
  let running = 0;
  const cumulative = flows.map((f) => (running += f.netMinor));
  const barMin = Math.min(0, ...flows.map((f) => -f.investmentMinor));
  const barMax = Math.max(0, ...flows.map((f) => f.benefitMinor));
  const cumMin = Math.min(0, ...cumulative);
  const cumMax = Math.max(0, ...cumulative);
  // one zero level for both axes, low enough for the deeper of the two
  // (all the way down only when nothing is positive: a benefit above a zero at the top has no room)
  const deepest = Math.max(zeroShare(barMin, barMax), zeroShare(cumMin, cumMax));
  const zero = deepest === 1 && (barMax > 0 || cumMax > 0) ? 0.85 : deepest;
  const bars = spanWithZeroAt(barMin, barMax, zero);
  const cums = spanWithZeroAt(cumMin, cumMax, zero);
  const plotHeight = plot.bottom - plot.top;
  const yOf = (value: number, span: { low: number; high: number }) =>
    plot.bottom - ((value - span.low) / (span.high - span.low)) * plotHeight;
  const zeroY = round(yOf(0, bars));
  const slot = (plot.right - plot.left) / Math.max(1, flows.length);
  const centre = (month: number) => plot.left + slot * (month + 0.5);
  const barWidth = round(Math.max(0.6, slot * 0.7));
  const bar = (month: number, value: number): ChartBar => {
    const y = yOf(value, bars);
    return {
      x: round(centre(month) - barWidth / 2),
      y: round(Math.min(y, zeroY)),
      width: barWidth,
      height: round(Math.abs(y - zeroY)),
    };
  };
  const monthTicks = flows.length <= 12 ? 1 : flows.length <= 48 ? 6 : 12;
  return {
    width,
    height,
    plot,
    zeroY,
    investments: flows.filter((f) => f.investmentMinor > 0).map((f) => bar(f.month, -f.investmentMinor)),
    benefits: flows.filter((f) => f.benefitMinor > 0).map((f) => bar(f.month, f.benefitMinor)),
    cumulative: cumulative.map((v, i) => `${round(centre(flows[i]!.month))},${round(yOf(v, cums))}`).join(" "),
    payback:
      input.paybackMonth === null
        ? null
        : {
            x: round(centre(input.paybackMonth)),
            label: input.paybackLabel(input.paybackMonth),
            box: labelBox(centre(input.paybackMonth), 140, width),
          },
    yTicks: ticks(bars.low, bars.high, 4).map((v) => ({ at: round(yOf(v, bars)), label: input.money(v) })),
    cumulativeTicks: ticks(cums.low, cums.high, 4).map((v) => ({ at: round(yOf(v, cums)), label: input.money(v) })),
    xTicks: flows
      .filter((f) => f.month % monthTicks === 0)
      .map((f) => ({ at: round(centre(f.month)), label: String(f.month) })),
  };
}

export function histogramChart(input: {
  histogram: HistogramBin[];
  markers: { valueMinor: number; label: string }[];
  money: (minor: number) => string;
  count: (n: number) => string;
}): HistogramChart | null {
  const bins = input.histogram;
  if (bins.length === 0) return null;
  const width = ROI_CHART_WIDTH;
  const height = 170;
  const markerRows = Math.max(1, input.markers.length);
  const plot: Plot = { left: 48, top: 10 + markerRows * 9, right: width - 10, bottom: height - 18 };
  const from = Math.min(...bins.map((b) => b.fromMinor));
  const to = Math.max(from + 1, ...bins.map((b) => b.toMinor));
  const top = Math.max(1, ...bins.map((b) => b.count));
  const counts = ticks(0, top, 3);
  const high = Math.max(top, counts.at(-1)!);
  const xOf = (minor: number) =>
    plot.left + ((Math.min(Math.max(minor, from), to) - from) / (to - from)) * (plot.right - plot.left);
  const yOf = (n: number) => plot.bottom - (n / high) * (plot.bottom - plot.top);
  return {
    width,
    height,
    plot,
    bars: bins
      .filter((b) => b.count > 0)
      .map((b) => {
        const x = xOf(b.fromMinor);
        const y = yOf(b.count);
        return {
          x: round(x),
          y: round(y),
          width: round(Math.max(0.6, xOf(b.toMinor) - x - 0.8)),
          height: round(plot.bottom - y),
        };
      }),
    markers: input.markers.map((m, i) => ({
      x: round(xOf(m.valueMinor)),
      box: labelBox(xOf(m.valueMinor), 90, width),
      labelY: 2 + i * 9,
      label: m.label,
    })),
    zeroX: from < 0 && to > 0 ? round(xOf(0)) : null,
    xTicks: ticks(from, to, 5).map((v) => ({ at: round(xOf(v)), label: input.money(v) })),
    yTicks: counts.map((n) => ({ at: round(yOf(n)), label: input.count(n) })),
  };
}

export interface SystemMapDrawingNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  name: string;
  detail: string;
  /** a component with open debt is drawn in the warning colour */
  owesDelay: boolean;
  text: { left: number; nameTop: number; detailTop: number; width: number; nameSize: number; detailSize: number };
}

export interface SystemMapDrawing {
  width: number;
  height: number;
  nodes: SystemMapDrawingNode[];
  /** per dependency: its line and the arrowhead at the depended-on component */
  edges: { points: string; arrow: string }[];
}

const ARROW = { length: 6, halfWidth: 3 } as const;

/** The laid-out map scaled to fit the page, each node carrying its two lines of text. */
export function systemMapDrawing(input: {
  map: SystemMapView;
  layout: SystemMapLayout;
  detail: (component: SystemMapComponent) => string;
  maxWidth: number;
  maxHeight: number;
}): SystemMapDrawing | null {
  const { layout } = input;
  if (layout.nodes.length === 0) return null;
  const scale = Math.min(1, input.maxWidth / Math.max(1, layout.width), input.maxHeight / Math.max(1, layout.height));
  const s = (n: number) => round(n * scale);
  const components = new Map(input.map.components.map((c) => [c.id, c]));
  const T = NODE_TEXT;
  return {
    width: s(layout.width),
    height: s(layout.height),
    nodes: layout.nodes.map((node) => {
      const component = components.get(node.id)!;
      return {
        id: node.id,
        x: s(node.x),
        y: s(node.y),
        width: s(node.width),
        height: s(node.height),
        name: component.name,
        detail: input.detail(component),
        owesDelay: component.costOfDelayPerQuarterMinor > 0,
        text: {
          left: s(node.x + T.paddingX),
          nameTop: s(node.y + T.paddingY),
          detailTop: s(node.y + T.paddingY + T.nameSize * 1.2 + T.lineGap),
          width: s(node.width - T.paddingX * 1.5),
          nameSize: round(T.nameSize * scale),
          detailSize: round(T.detailSize * scale),
        },
      };
    }),
    edges: layout.edges.map((edge) => {
      const points = edge.points.map((p) => ({ x: p.x * scale, y: p.y * scale }));
      const tip = points.at(-1)!;
      const before = points.at(-2) ?? tip;
      const length = Math.hypot(tip.x - before.x, tip.y - before.y) || 1;
      const [ux, uy] = [(tip.x - before.x) / length, (tip.y - before.y) / length];
      const base = { x: tip.x - ux * ARROW.length, y: tip.y - uy * ARROW.length };
      const corner = (side: number) =>
        `${round(base.x - uy * ARROW.halfWidth * side)},${round(base.y + ux * ARROW.halfWidth * side)}`;
      return {
        points: points.map((p) => `${round(p.x)},${round(p.y)}`).join(" "),
        arrow: `${round(tip.x)},${round(tip.y)} ${corner(1)} ${corner(-1)}`,
      };
    }),
  };
}
