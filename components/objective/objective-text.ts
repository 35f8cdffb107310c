import type { TargetComparator, TechnicalTarget } from "@/server/domain/objective/objective";

// How an objective's figures read in a table or a form, in any locale: "P99 ≤ 800 ms", "2,400 ms",
// "99.9%". The signs are the same in every language; the numbers follow the reader's locale.

export const COMPARATOR_SIGNS: Record<TargetComparator, string> = { lte: "≤", lt: "<", gte: "≥", gt: ">", eq: "=" };

const number = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);

/** A figure with its unit: "2,400 ms", "99.95%" (a percent sign sits against the number). */
export function figureText(value: number, unit: string, locale: string): string {
  const shown = number(value, locale);
  if (unit === "") return shown;
  return unit === "%" ? `${shown}%` : `${shown} ${unit}`;
}

/** "P99", "P99.9": a percentile as engineers write it. */
export function percentileText(percentile: number, locale: string): string {
  return `P${number(percentile, locale)}`;
}

/** The technical target as one line: "P99 ≤ 800 ms", "≤ 2 s", "≥ 99.9%". */
export function targetText(
  target: Pick<TechnicalTarget, "comparator" | "value" | "unit"> & { percentile?: number | null },
  locale: string,
): string {
  const sign = `${COMPARATOR_SIGNS[target.comparator]} ${figureText(target.value, target.unit, locale)}`;
  return target.percentile == null ? sign : `${percentileText(target.percentile, locale)} ${sign}`;
}

/** The cost as measured ("40 hours/month"), or null when it is not quantified. */
export function costText(cost: { value: number | null; unit: string }, locale: string): string | null {
  if (cost.value === null) return null;
  return `${number(cost.value, locale)}${cost.unit ? ` ${cost.unit}` : ""}`;
}
