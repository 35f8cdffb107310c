import type { Span } from "./report";

// The geometry of an SLA report's chart, in points, so the template only draws: window values as
// polylines (broken where windows have no data), the target as a horizontal line, incidents and
// exclusions as shaded bands over the time they cover, and labelled ticks on both axes.

export const CHART_SIZE = { width: 500, height: 120, left: 40, right: 6, top: 6, bottom: 16 } as const;

export interface SlaChartInput {
  span: Span;
  series: { at: number; value: number }[];
  target: number;
  incidents: Span[];
  exclusions: Span[];
  label: (value: number) => string;
  timeLabel: (ms: number) => string;
}

export interface SlaChartBand {
  x: number;
  width: number;
  kind: "incident" | "exclusion";
}

export interface SlaChart {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** "x,y x,y …" per run of windows without a gap */
  lines: string[];
  target: { y: number; label: string };
  bands: SlaChartBand[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
}

const X_TICKS = 6;
/** at most this many steps on the value axis */
const Y_TICKS = 4;
/** A band narrower than this is widened so a one-window incident stays visible. */
const MIN_BAND = 1.2;

/** 1, 2 or 5 times a power of ten, at least `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value * (1 - 1e-12)) ?? 10;
  return step * power;
}

/** Runs of consecutive points; a gap wider than 1.5 times the series' step starts a new run. */
function runs(points: { at: number; value: number }[]): { at: number; value: number }[][] {
  const steps = points.slice(1).map((p, i) => p.at - points[i]!.at);
  const step = Math.min(...steps.filter((s) => s > 0));
  const out: { at: number; value: number }[][] = [];
  for (const [i, point] of points.entries()) {
    if (i === 0 || point.at - points[i - 1]!.at > 1.5 * step) out.push([]);
    out.at(-1)!.push(point);
  }
  return out;
}

export function slaChart(input: SlaChartInput): SlaChart {
  const C = CHART_SIZE;
  const plot = { left: C.left, top: C.top, right: C.width - C.right, bottom: C.height - C.bottom };
  const duration = Math.max(1, input.span.to - input.span.from);
  const points = input.series
    .filter((p) => p.at >= input.span.from && p.at < input.span.to && Number.isFinite(p.value))
    .sort((a, b) => a.at - b.at);
  const values = points.map((p) => p.value);
  const low = Math.min(0, ...values);
  const range = Math.max(input.target, ...values, 0) * 1.1 - low;
  const step = niceCeiling(range / Y_TICKS);
  const ticks = Math.max(1, Math.ceil(range / step - 1e-9));
  const high = low + step * ticks;
  const xOf = (ms: number) =>
    plot.left +
    ((Math.min(Math.max(ms, input.span.from), input.span.to) - input.span.from) / duration) * (plot.right - plot.left);
  const yOf = (value: number) => plot.bottom - ((value - low) / (high - low)) * (plot.bottom - plot.top);
  const round = (n: number) => Math.round(n * 100) / 100;
  const band = (span: Span, kind: SlaChartBand["kind"]): SlaChartBand[] => {
    if (span.to <= input.span.from || span.from >= input.span.to) return [];
    const x = xOf(span.from);
    const width = Math.max(MIN_BAND, xOf(span.to) - x);
    return [{ x: round(Math.min(x, plot.right - width)), width: round(width), kind }];
  };
  const lines =
    points.length === 0
      ? []
      : runs(points).map((run) => {
          const coords = run.map((p) => `${round(xOf(p.at))},${round(yOf(p.value))}`);
          // a lone window still shows as a short stroke
          return coords.length === 1
            ? `${coords[0]} ${round(xOf(run[0]!.at) + 1)},${round(yOf(run[0]!.value))}`
            : coords.join(" ");
        });
  return {
    width: C.width,
    height: C.height,
    plot,
    lines,
    target: { y: round(yOf(input.target)), label: input.label(input.target) },
    bands: [
      ...input.exclusions.flatMap((s) => band(s, "exclusion")),
      ...input.incidents.flatMap((s) => band(s, "incident")),
    ],
    yTicks: Array.from({ length: ticks + 1 }, (_, i) => {
      const value = low + step * i;
      return { y: round(yOf(value)), label: input.label(value) };
    }),
    xTicks: Array.from({ length: X_TICKS + 1 }, (_, i) => {
      const ms = input.span.from + (duration * i) / X_TICKS;
      return { x: round(xOf(ms)), label: input.timeLabel(ms) };
    }),
  };
}
