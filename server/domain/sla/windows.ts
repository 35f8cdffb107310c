import { divideCeil, exactDecimal } from "./decimal";
import type { Span } from "./report";
import type { SlaExclusion } from "./terms";

// Windows are aligned to multiples of windowMinutes since the Unix epoch, whatever the clause's
// time zone, so every reader (the domain, the SQL window cache, a chart) agrees on their edges.
// A window belongs to the period its start lies in.

export const MINUTE_MS = 60_000;

export function windowStart(ms: number, windowMinutes: number): number {
  const length = windowMinutes * MINUTE_MS;
  return Math.floor(ms / length) * length;
}

/** The first window start at or after `ms`. */
export function firstWindowFrom(ms: number, windowMinutes: number): number {
  const start = windowStart(ms, windowMinutes);
  return start < ms ? start + windowMinutes * MINUTE_MS : start;
}

/** The starts of the windows whose start lies in [span.from, span.to), ascending. */
export function windowsIn(span: Span, windowMinutes: number): number[] {
  const length = windowMinutes * MINUTE_MS;
  const starts: number[] = [];
  for (let start = firstWindowFrom(span.from, windowMinutes); start < span.to; start += length) starts.push(start);
  return starts;
}

export function exclusionSpans(exclusions: readonly Pick<SlaExclusion, "from" | "to">[]): Span[] {
  return exclusions.map((exclusion) => ({ from: Date.parse(exclusion.from), to: Date.parse(exclusion.to) }));
}

/** The window [start, start + windowMinutes) overlaps an exclusion [from, to): it counts for nothing. */
export function isExcluded(windowStart: number, windowMinutes: number, exclusions: readonly Span[]): boolean {
  const end = windowStart + windowMinutes * MINUTE_MS;
  return exclusions.some((exclusion) => exclusion.from < end && windowStart < exclusion.to);
}

/** Sorted, disjoint intervals covering the same instants (touching intervals are joined). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((span) => span.from < span.to).sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/** Over the merged spans: the first one that ends after `at` (binary search), or undefined. */
export function spanLookup(spans: readonly Span[]): (at: number) => Span | undefined {
  const merged = mergeSpans(spans);
  return (at) => {
    let low = 0;
    let high = merged.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((merged[middle] as Span).to > at) high = middle;
      else low = middle + 1;
    }
    return merged[low];
  };
}

/** isExcluded for many windows: a binary search over the merged exclusions instead of a scan. */
export function exclusionTest(windowMinutes: number, exclusions: readonly Span[]): (windowStart: number) => boolean {
  const lookup = spanLookup(exclusions);
  const length = windowMinutes * MINUTE_MS;
  return (start) => {
    const candidate = lookup(start);
    return candidate !== undefined && candidate.from < start + length;
  };
}

/**
 * The nearest-rank percentile: the value at rank ceil(p/100 x n), 1-based, of ascending values.
 * The rank is computed on the exact decimal of p, so 99% of 100 samples is rank 99, not 100.
 */
export function nearestRank(sortedValues: readonly number[], percentile: number): number {
  const count = sortedValues.length;
  if (count === 0) throw new RangeError("the nearest rank of no values is undefined");
  if (!(percentile > 0 && percentile <= 100)) throw new RangeError(`a percentile is in (0, 100]: ${percentile}`);
  const { units, scale } = exactDecimal(percentile);
  const rank = Number(divideCeil(units * BigInt(count), 100n * 10n ** BigInt(scale)));
  return sortedValues[Math.min(Math.max(rank, 1), count) - 1] as number;
}

/** A latency window's value: the nearest-rank percentile of its samples. */
export function latencyValue(values: readonly number[], percentile: number): number | null {
  if (values.length === 0) return null;
  return nearestRank(
    [...values].sort((a, b) => a - b),
    percentile,
  );
}

/** An error rate in percent; no requests is no data. */
export function errorRateValue(errors: number, requests: number): number | null {
  return requests > 0 ? (100 * errors) / requests : null;
}

/** A gauge window's value: its maximum. */
export function gaugeMaxValue(values: readonly number[]): number | null {
  let max: number | null = null;
  for (const value of values) if (max === null || value > max) max = value;
  return max;
}
