import { minorToDecimal, minorUnitDigits } from "@/server/domain/currency";
import type { CashFlow, HistogramBin } from "@/server/domain/roi/report";

// Chart data shaped from the ROI report. The charts draw minor units (integers); only the axis
// labels turn them into money, from a decimal string, so no figure passes through a float division.

export interface CashFlowPoint {
  month: number;
  /** drawn below the axis */
  investmentMinor: number;
  benefitMinor: number;
  netMinor: number;
  cumulativeMinor: number;
}

export function cashFlowPoints(flows: readonly CashFlow[]): CashFlowPoint[] {
  let cumulative = 0;
  return flows.map((flow) => {
    cumulative += flow.netMinor;
    return {
      month: flow.month,
      investmentMinor: -flow.investmentMinor,
      benefitMinor: flow.benefitMinor,
      netMinor: flow.netMinor,
      cumulativeMinor: cumulative,
    };
  });
}

export interface HistogramPoint {
  index: number;
  fromMinor: number;
  toMinor: number;
  count: number;
}

export const histogramPoints = (bins: readonly HistogramBin[]): HistogramPoint[] =>
  bins.map((bin, index) => ({ index, fromMinor: bin.fromMinor, toMinor: bin.toMinor, count: bin.count }));

/** The bin a figure falls in (the last bin holds its upper edge); null without bins. */
export function binIndexOf(bins: readonly HistogramBin[], valueMinor: number): number | null {
  if (bins.length === 0) return null;
  const found = bins.findIndex((bin) => valueMinor >= bin.fromMinor && valueMinor < bin.toMinor);
  if (found >= 0) return found;
  return valueMinor < bins[0]!.fromMinor ? 0 : bins.length - 1;
}

/** "CNY 4.2M" / "¥420万": short money for an axis tick. */
export function compactMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  });
  // Intl reads a decimal string exactly (ES2023); an axis may ask for a tick between two minor units
  return format.format(minorToDecimal(Math.round(amountMinor), digits) as unknown as number);
}

/** Month index i from the start month, as YYYY-MM. */
export function monthKeyAt(startMonth: string, index: number): string {
  const [year = 0, month = 1] = startMonth.split("-").map(Number);
  const total = year * 12 + (month - 1) + index;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/** The share of draws, 0..1, as a percentage with one decimal ("98.7 %"). */
export function percent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** Basis points typed as a percentage: "8" -> 800, "8.25" -> 825; null when not a percentage. */
export function parsePercentBp(text: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/\s*%$/, ""));
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** 800 -> "8", 825 -> "8.25". */
export const bpAsPercentText = (bp: number): string => minorToDecimal(bp, 2).replace(/\.?0+$/, "");
