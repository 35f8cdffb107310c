import type { Span } from "./report";
import { mergeSpans, spanLookup } from "./windows";

// The two metrics judged over the whole period: availability from reported downtime and integrity
// from digest checks. Both are judged up to `asOf` in an open period. ADR 0015.

/** The part of the period that is judged: up to now while the period is open. */
export function judgedSpan(span: Span, asOf: number): Span {
  return { from: span.from, to: Math.max(span.from, Math.min(span.to, asOf)) };
}

function clipped(spans: readonly Span[], to: Span): Span[] {
  return spans
    .map((span) => ({ from: Math.max(span.from, to.from), to: Math.min(span.to, to.to) }))
    .filter((span) => span.from < span.to);
}

function measure(spans: readonly Span[]): number {
  return spans.reduce((sum, span) => sum + (span.to - span.from), 0);
}

/** The merged spans minus the merged `removed` spans (both sorted and disjoint). */
function subtract(spans: readonly Span[], removed: readonly Span[]): Span[] {
  const result: Span[] = [];
  for (const span of spans) {
    let from = span.from;
    for (const cut of removed) {
      if (cut.to <= from || cut.from >= span.to) continue;
      if (cut.from > from) result.push({ from, to: cut.from });
      from = Math.max(from, cut.to);
    }
    if (from < span.to) result.push({ from, to: span.to });
  }
  return result;
}

/** Whether an instant lies inside one of the spans. */
function instantTest(spans: readonly Span[]): (at: number) => boolean {
  const lookup = spanLookup(spans);
  return (at) => (lookup(at)?.from ?? Infinity) <= at;
}

export interface AvailabilityFigures {
  /** judged period, excluded and down time in ms */
  periodMs: number;
  excludedMs: number;
  downMs: number;
  value: number | null;
}

/** (P - E - D) / (P - E) x 100; null when nothing of the period is judged (P - E = 0). */
export function availability(
  span: Span,
  asOf: number,
  exclusions: readonly Span[],
  downtime: readonly Span[],
): AvailabilityFigures {
  const judged = judgedSpan(span, asOf);
  const excluded = mergeSpans(clipped(exclusions, judged));
  const down = subtract(mergeSpans(clipped(downtime, judged)), excluded);
  const periodMs = judged.to - judged.from;
  const excludedMs = measure(excluded);
  const downMs = measure(down);
  const counted = periodMs - excludedMs;
  const value = counted > 0 ? (100 * (counted - downMs)) / counted : null;
  return { periodMs, excludedMs, downMs, value };
}

/** 100 x equal checks / checks, over the checks in the judged period and outside every exclusion. */
export function integrity(
  span: Span,
  asOf: number,
  exclusions: readonly Span[],
  checks: readonly { at: number; equal: boolean }[],
): number | null {
  const judged = judgedSpan(span, asOf);
  const excluded = instantTest(exclusions);
  let total = 0;
  let equal = 0;
  for (const check of checks) {
    if (check.at < judged.from || check.at >= judged.to || excluded(check.at)) continue;
    total += 1;
    if (check.equal) equal += 1;
  }
  return total > 0 ? (100 * equal) / total : null;
}
