import { exactDecimal } from "./decimal";
import { parsePeriodKey } from "./period";
import type { ClauseCompliance, ClauseMeasurements, IncidentView, Span, WindowAggregate } from "./report";
import { isWindowed, meets, type SlaClauseTerms } from "./terms";
import {
  errorRateValue,
  exclusionSpans,
  gaugeMaxValue,
  isExcluded,
  latencyValue,
  MINUTE_MS,
  windowStart,
} from "./windows";

// A deliberately plain reading of ADR 0015 straight from raw samples: no window cache, no early
// exits, global incident runs instead of a look at the window before the period. The property test
// holds evaluateClause (fed by aggregateWindows, as the data layer feeds it from SQL) to this.

export interface RawSample {
  at: number;
  value?: number;
  errors?: number;
  requests?: number;
  equal?: boolean;
}

export interface ReferenceInput {
  id: string;
  version: number;
  terms: SlaClauseTerms;
  periodKey: string;
  span: Span;
  asOf: number;
  samples: readonly RawSample[];
  downtime?: readonly Span[];
}

function byWindow(samples: readonly RawSample[], windowMinutes: number): Map<number, RawSample[]> {
  const groups = new Map<number, RawSample[]>();
  for (const sample of samples) {
    const start = windowStart(sample.at, windowMinutes);
    const group = groups.get(start);
    if (group) group.push(sample);
    else groups.set(start, [sample]);
  }
  return groups;
}

function sum(samples: readonly RawSample[], field: "errors" | "requests"): number {
  return samples.reduce((total, sample) => total + (sample[field] ?? 0), 0);
}

function valuesOf(samples: readonly RawSample[]): number[] {
  return samples.flatMap((sample) => (sample.value === undefined ? [] : [sample.value]));
}

/** Smallest sample v with at least p% of the samples <= v (the nearest rank, said another way). */
function percentileOf(values: readonly number[], percentile: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const { units, scale } = exactDecimal(percentile);
  for (let k = 1; k <= sorted.length; k += 1) {
    if (100n * BigInt(k) * 10n ** BigInt(scale) >= units * BigInt(sorted.length)) return sorted[k - 1] as number;
  }
  return null;
}

/** The value of a group of samples, as a window or as a period; null is no data. */
function valueOf(samples: readonly RawSample[], terms: SlaClauseTerms): number | null {
  if (terms.metric === "error_rate") {
    const requests = sum(samples, "requests");
    return requests > 0 ? (100 * sum(samples, "errors")) / requests : null;
  }
  const values = valuesOf(samples);
  if (values.length === 0) return null;
  if (terms.metric === "latency_percentile") return percentileOf(values, terms.percentile ?? 100);
  return Math.max(...values);
}

/** A window's value by the engine's own helpers (the data layer computes the same in SQL). */
function windowValue(group: readonly RawSample[], terms: SlaClauseTerms): number | null {
  if (terms.metric === "error_rate") return errorRateValue(sum(group, "errors"), sum(group, "requests"));
  if (terms.metric === "latency_percentile") return latencyValue(valuesOf(group), terms.percentile ?? 100);
  return gaugeMaxValue(valuesOf(group));
}

/** One aggregate per window that has data, sorted by start: what the data layer caches in SlaWindow. */
export function aggregateWindows(samples: readonly RawSample[], terms: SlaClauseTerms): WindowAggregate[] {
  const windowMinutes = terms.windowMinutes;
  if (windowMinutes === null) return [];
  const aggregates: WindowAggregate[] = [];
  for (const [start, group] of byWindow(samples, windowMinutes)) {
    const value = windowValue(group, terms);
    if (value === null) continue;
    const errorRate = terms.metric === "error_rate";
    aggregates.push({
      start,
      value,
      samples: group.length,
      ...(errorRate ? { errors: sum(group, "errors"), requests: sum(group, "requests") } : {}),
    });
  }
  return aggregates.sort((a, b) => a.start - b.start);
}

/** The samples that count for the period's value: their window starts in the period, before asOf, not excluded. */
function periodSamples(input: ReferenceInput, windowMinutes: number): RawSample[] {
  const exclusions = exclusionSpans(input.terms.exclusions);
  return input.samples.filter((sample) => {
    const start = windowStart(sample.at, windowMinutes);
    return (
      start >= input.span.from &&
      start < input.span.to &&
      start < input.asOf &&
      !isExcluded(start, windowMinutes, exclusions)
    );
  });
}

/**
 * What the data layer hands evaluateClause for this period, computed from raw samples: the window
 * aggregates from one window before the period onwards and, for latency, the period's percentile.
 */
export function measurementsFromSamples(input: ReferenceInput): ClauseMeasurements {
  const { terms, span } = input;
  if (terms.metric === "availability") return { kind: "downtime", downtime: [...(input.downtime ?? [])] };
  if (terms.metric === "integrity") {
    return { kind: "checks", checks: input.samples.map((s) => ({ at: s.at, equal: s.equal === true })) };
  }
  const windowMinutes = terms.windowMinutes ?? 1;
  const earliest = span.from - windowMinutes * MINUTE_MS;
  const windows = aggregateWindows(input.samples, terms).filter((window) => window.start >= earliest);
  const periodValue =
    terms.metric === "latency_percentile"
      ? latencyValue(valuesOf(periodSamples(input, windowMinutes)), terms.percentile ?? 100)
      : null;
  return { kind: "windows", windows, periodValue };
}

type Status = "excluded" | "noData" | "met" | "breached";

function windowStatuses(input: ReferenceInput, windowMinutes: number): (start: number) => Status {
  const groups = byWindow(input.samples, windowMinutes);
  const exclusions = exclusionSpans(input.terms.exclusions);
  return (start) => {
    if (isExcluded(start, windowMinutes, exclusions)) return "excluded";
    const value = valueOf(groups.get(start) ?? [], input.terms);
    if (value === null) return "noData";
    return meets(value, input.terms.comparator, input.terms.target) ? "met" : "breached";
  };
}

/** Every maximal run of breached windows anywhere in the samples' time, as [first start, windows]. */
function allIncidents(input: ReferenceInput, windowMinutes: number): [number, number][] {
  const length = windowMinutes * MINUTE_MS;
  const status = windowStatuses(input, windowMinutes);
  const breached = [...byWindow(input.samples, windowMinutes).keys()]
    .filter((start) => start < input.asOf && status(start) === "breached")
    .sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const start of breached) {
    const last = runs.at(-1);
    if (last && last[0] + last[1] * length === start) last[1] += 1;
    else runs.push([start, 1]);
  }
  return runs;
}

function windowedPart(input: ReferenceInput, windowMinutes: number) {
  const { span, asOf, terms } = input;
  const length = windowMinutes * MINUTE_MS;
  const status = windowStatuses(input, windowMinutes);
  const windows = { total: 0, breached: 0, noData: 0, excluded: 0 };
  for (let start = windowStart(span.from, windowMinutes); start < span.to && start < asOf; start += length) {
    if (start < span.from) continue;
    const judged = status(start);
    if (judged === "excluded") windows.excluded += 1;
    else windows.total += 1;
    if (judged === "noData") windows.noData += 1;
    if (judged === "breached") windows.breached += 1;
  }
  const incidents = allIncidents(input, windowMinutes).filter(([start]) => start >= span.from && start < span.to);
  return { windows, incidents, value: valueOf(periodSamples(input, windowMinutes), terms) };
}

/** Availability by walking every elementary piece of the judged period between interval edges. */
function availabilityValue(input: ReferenceInput): number | null {
  const from = input.span.from;
  const to = Math.max(from, Math.min(input.span.to, input.asOf));
  const exclusions = exclusionSpans(input.terms.exclusions);
  const downtime = input.downtime ?? [];
  const edges = [from, to, ...[...exclusions, ...downtime].flatMap((span) => [span.from, span.to])]
    .filter((edge) => edge >= from && edge <= to)
    .sort((a, b) => a - b);
  const inside = (spans: readonly Span[], at: number) => spans.some((span) => span.from <= at && at < span.to);
  let counted = 0;
  let up = 0;
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const [a, b] = [edges[i] as number, edges[i + 1] as number];
    if (a === b || inside(exclusions, a)) continue;
    counted += b - a;
    if (!inside(downtime, a)) up += b - a;
  }
  return counted > 0 ? (100 * up) / counted : null;
}

function integrityValue(input: ReferenceInput): number | null {
  const to = Math.min(input.span.to, input.asOf);
  const exclusions = exclusionSpans(input.terms.exclusions);
  const checks = input.samples.filter(
    (check) =>
      check.at >= input.span.from &&
      check.at < to &&
      !exclusions.some((exclusion) => exclusion.from <= check.at && check.at < exclusion.to),
  );
  if (checks.length === 0) return null;
  return (100 * checks.filter((check) => check.equal === true).length) / checks.length;
}

function tieredMinor(credit: Extract<SlaClauseTerms["credit"], { type: "tiered" }>, value: number | null) {
  const pcts = credit.tiers.filter((tier) => value !== null && tier.below > value).map((tier) => tier.creditPct);
  if (pcts.length === 0) return 0n;
  const { units, scale } = exactDecimal(Math.max(...pcts));
  const numerator = BigInt(credit.baseMinor) * units;
  const divisor = 100n * 10n ** BigInt(scale);
  const quotient = numerator / divisor;
  return 2n * (numerator % divisor) >= divisor ? quotient + 1n : quotient;
}

export function referenceCompliance(input: ReferenceInput): ClauseCompliance {
  const { terms, span } = input;
  const windowMinutes = terms.windowMinutes ?? 1;
  const windowed = isWindowed(terms.metric);
  const part = windowed
    ? windowedPart(input, windowMinutes)
    : {
        windows: { total: 0, breached: 0, noData: 0, excluded: 0 },
        incidents: [] as [number, number][],
        value: terms.metric === "availability" ? availabilityValue(input) : integrityValue(input),
      };
  const creditApplies = parsePeriodKey(input.periodKey).kind === terms.period;
  const credit = terms.credit;
  const incidentCredits = part.incidents.map(([, count]) => {
    if (!creditApplies || credit.type !== "per_incident") return 0n;
    const uncapped = BigInt(credit.perBreachedWindowMinor) * BigInt(count);
    return uncapped < BigInt(credit.capPerIncidentMinor) ? uncapped : BigInt(credit.capPerIncidentMinor);
  });
  let total = credit.type === "tiered" ? tieredMinor(credit, part.value) : incidentCredits.reduce((a, b) => a + b, 0n);
  if (!creditApplies) total = 0n;
  let capped =
    creditApplies &&
    credit.type === "per_incident" &&
    part.incidents.some(
      ([, count]) => BigInt(credit.perBreachedWindowMinor) * BigInt(count) > credit.capPerIncidentMinor,
    );
  if (credit.capPerPeriodMinor !== null && total > BigInt(credit.capPerPeriodMinor)) {
    total = BigInt(credit.capPerPeriodMinor);
    capped = true;
  }
  const incidents: IncidentView[] = part.incidents.map(([start, count], index) => ({
    from: new Date(start).toISOString(),
    to: new Date(start + count * windowMinutes * MINUTE_MS).toISOString(),
    windows: count,
    creditMinor: Number(incidentCredits[index]),
  }));
  let met: boolean | null = part.windows.breached === 0;
  if (!windowed) met = part.value === null ? null : meets(part.value, terms.comparator, terms.target);
  return {
    id: input.id,
    title: terms.title,
    metric: terms.metric,
    target: terms.target,
    comparator: terms.comparator,
    unit: terms.unit,
    period: { key: input.periodKey, from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() },
    value: part.value,
    met,
    windows: part.windows,
    incidents,
    creditMinor: Number(total),
    capped,
    creditApplies,
    version: input.version,
  };
}
