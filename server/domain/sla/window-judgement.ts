import type { Span, WindowAggregate } from "./report";
import { meets, type SlaClauseTerms } from "./terms";
import { errorRateValue, exclusionSpans, exclusionTest, firstWindowFrom, MINUTE_MS } from "./windows";

// Judges a per-window clause over one period: counts its windows, finds the incidents that start in
// it (following an incident past the period's end) and derives the period's value. ADR 0015.

export interface WindowCounts {
  total: number;
  breached: number;
  noData: number;
  excluded: number;
}

export interface IncidentRun {
  /** the first window's start, epoch ms */
  start: number;
  windows: number;
}

export interface WindowJudgement {
  value: number | null;
  windows: WindowCounts;
  incidents: IncidentRun[];
}

export interface WindowedMeasurements {
  windows: readonly WindowAggregate[];
  periodValue: number | null;
}

/**
 * Looks windows up by start for ascending starts only (the judgement walks time forwards): a cursor
 * over the sorted windows is many times faster than a Map over a year of epoch-ms keys.
 */
function cursorOver(windows: readonly WindowAggregate[]): (start: number) => WindowAggregate | undefined {
  const sorted = windows.every((window, i) => i === 0 || (windows[i - 1] as WindowAggregate).start <= window.start)
    ? windows
    : [...windows].sort((a, b) => a.start - b.start);
  let cursor = 0;
  return (start) => {
    while (cursor < sorted.length && (sorted[cursor] as WindowAggregate).start < start) cursor += 1;
    const window = sorted[cursor];
    return window?.start === start ? window : undefined;
  };
}

type Verdict = "uncounted" | "excluded" | "noData" | "met" | "breached";

export function judgeWindows(
  terms: SlaClauseTerms,
  span: Span,
  asOf: number,
  measurements: WindowedMeasurements,
): WindowJudgement {
  const windowMinutes = terms.windowMinutes;
  if (windowMinutes === null) throw new RangeError(`a ${terms.metric} clause needs windowMinutes`);
  const length = windowMinutes * MINUTE_MS;
  const windowAt = cursorOver(measurements.windows);
  const excluded = exclusionTest(windowMinutes, exclusionSpans(terms.exclusions));
  const verdict = (start: number): Verdict => {
    if (start >= asOf) return "uncounted";
    if (excluded(start)) return "excluded";
    const window = windowAt(start);
    if (!window) return "noData";
    return meets(window.value, terms.comparator, terms.target) ? "met" : "breached";
  };

  const counts: WindowCounts = { total: 0, breached: 0, noData: 0, excluded: 0 };
  const incidents: IncidentRun[] = [];
  const counted: WindowAggregate[] = [];
  const first = firstWindowFrom(span.from, windowMinutes);
  // a run already going at the period's start is the previous period's incident: not listed here
  let inherited = verdict(first - length) === "breached";
  let open: IncidentRun | null = null;
  let start = first;
  for (; start < span.to; start += length) {
    const judged = verdict(start);
    if (judged === "uncounted") break;
    if (judged === "excluded") counts.excluded += 1;
    else counts.total += 1;
    if (judged === "noData") counts.noData += 1;
    if (judged === "met" || judged === "breached") counted.push(windowAt(start) as WindowAggregate);
    if (judged !== "breached") {
      inherited = false;
      if (open) incidents.push(open);
      open = null;
      continue;
    }
    counts.breached += 1;
    if (inherited) continue;
    open ??= { start, windows: 0 };
    open.windows += 1;
  }
  if (open) {
    // an incident belongs to the period it starts in, however long it runs past the end
    for (; start >= span.to && verdict(start) === "breached"; start += length) open.windows += 1;
    incidents.push(open);
  }
  return { value: periodValue(terms, counted, measurements.periodValue), windows: counts, incidents };
}

/** Latency: the data layer's percentile over the period's samples; error rate and gauge: from the windows. */
function periodValue(terms: SlaClauseTerms, counted: readonly WindowAggregate[], given: number | null): number | null {
  if (given !== null || terms.metric === "latency_percentile") return given;
  if (terms.metric === "error_rate") {
    let errors = 0;
    let requests = 0;
    for (const window of counted) {
      errors += window.errors ?? 0;
      requests += window.requests ?? 0;
    }
    return errorRateValue(errors, requests);
  }
  let max: number | null = null;
  for (const window of counted) if (max === null || window.value > max) max = window.value;
  return max;
}
