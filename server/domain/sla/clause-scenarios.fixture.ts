import fc from "fast-check";
import { periodSpan } from "./period";
import type { ReferenceInput } from "./reference";
import type { Span } from "./report";
import { SLA_COMPARATORS, SLA_PERIODS, ZSlaClauseTerms, type SlaMetric, type SlaPeriodKind } from "./terms";
import { MINUTE_MS } from "./windows";

// Random clauses and raw measurements for the engine's property tests. Times are drawn near the
// period's edges (and anywhere inside it) so incidents straddle the start and the end, and the
// zones include daylight-saving ones (a 30-minute shift in Lord Howe).

export const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Asia/Shanghai",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
];
const METRICS: SlaMetric[] = ["latency_percentile", "error_rate", "gauge_max", "availability", "integrity"];

/** A point near the start (0), near the end (1) or anywhere inside (2) of the period. */
const place = fc.record({
  anchor: fc.constantFrom(0, 1, 2),
  fraction: fc.integer({ min: 0, max: 1_000_000 }),
  offsetWindows: fc.integer({ min: -12, max: 12 }),
  withinMs: fc.integer({ min: 0, max: 90 * MINUTE_MS }),
});
type Place = typeof place extends fc.Arbitrary<infer T> ? T : never;

const rawSample = fc.record({
  place,
  value: fc.integer({ min: 0, max: 20 }),
  requests: fc.integer({ min: 0, max: 10 }),
  errorShare: fc.integer({ min: 0, max: 10 }),
  equal: fc.boolean(),
});

/** Samples in consecutive windows, so runs of breaches cross the period's edges. */
const run = fc.record({ first: rawSample, windows: fc.integer({ min: 1, max: 10 }) });

const interval = fc.record({ place, lengthMs: fc.integer({ min: 1, max: 8 * 60 * MINUTE_MS }) });

const tier = (belowMin: number) =>
  fc.record({
    below: fc.integer({ min: belowMin * 10, max: 1_000 }).map((n) => n / 10),
    creditPct: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
  });

const credit = (windowed: boolean, belowMin: number) => {
  const capPerPeriodMinor = fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null });
  const tiered = fc.record({
    type: fc.constant("tiered" as const),
    baseMinor: fc.integer({ min: 0, max: 1_000_000 }),
    tiers: fc.array(tier(belowMin), { minLength: 1, maxLength: 4 }),
    capPerPeriodMinor,
  });
  const perIncident = fc.record({
    type: fc.constant("per_incident" as const),
    perBreachedWindowMinor: fc.integer({ min: 0, max: 1_000 }),
    capPerIncidentMinor: fc.integer({ min: 0, max: 5_000 }),
    capPerPeriodMinor,
  });
  return windowed ? fc.oneof({ arbitrary: perIncident, weight: 3 }, { arbitrary: tiered, weight: 1 }) : tiered;
};

const periodKey = (kind: SlaPeriodKind, year: number, month: number) =>
  kind === "year"
    ? String(year)
    : kind === "quarter"
      ? `${year}-Q${Math.ceil(month / 3)}`
      : `${year}-${String(month).padStart(2, "0")}`;

export interface ScenarioOptions {
  metrics?: SlaMetric[];
}

export function scenario(options: ScenarioOptions = {}): fc.Arbitrary<ReferenceInput> {
  return fc.constantFrom(...(options.metrics ?? METRICS)).chain((metric) => {
    const windowed = metric === "latency_percentile" || metric === "error_rate" || metric === "gauge_max";
    return fc
      .record({
        zone: fc.constantFrom(...ZONES),
        reportKind: fc.constantFrom<SlaPeriodKind>("month", "month", "month", "quarter", "year"),
        clauseKind: fc.oneof(
          { arbitrary: fc.constant(null), weight: 3 },
          { arbitrary: fc.constantFrom(...SLA_PERIODS), weight: 1 },
        ),
        year: fc.integer({ min: 2025, max: 2027 }),
        month: fc.constantFrom(1, 2, 3, 4, 10, 11, 12),
        windowMinutes: fc.constantFrom(1, 5, 7, 60, 90, 1440),
        percentile: fc.constantFrom(50, 66.7, 90, 99, 99.9, 100),
        comparator: fc.constantFrom(...SLA_COMPARATORS),
        target: fc.integer({ min: 0, max: windowed ? 20 : 100 }),
        samples: fc.array(rawSample, { maxLength: 150 }),
        runs: fc.array(run, { maxLength: 4 }),
        exclusions: fc.array(interval, { maxLength: 3 }),
        downtime: fc.array(interval, { maxLength: 5 }),
        asOf: fc.oneof(
          { arbitrary: fc.constant<"closed" | "before">("closed"), weight: 4 },
          { arbitrary: fc.constant<"closed" | "before">("before"), weight: 1 },
          { arbitrary: place, weight: 2 },
        ),
        credit: credit(windowed, metric === "availability" ? 90 : 0),
      })
      .map((raw) => {
        const timezone = raw.zone;
        const key = periodKey(raw.reportKind, raw.year, raw.month);
        const span = periodSpan(key, timezone);
        // a long period with one-minute windows is slow to walk and adds nothing: coarser windows there
        const windowMinutes = raw.reportKind !== "month" && raw.windowMinutes < 60 ? 60 : raw.windowMinutes;
        const length = windowMinutes * MINUTE_MS;
        const instant = (p: Place) => {
          const base = [span.from, span.to, span.from + Math.floor(((span.to - span.from) * p.fraction) / 1e6)][
            p.anchor
          ];
          return (base as number) + p.offsetWindows * length + (p.withinMs % length);
        };
        const spanOf = (i: { place: Place; lengthMs: number }): Span => ({
          from: instant(i.place),
          to: instant(i.place) + i.lengthMs,
        });
        const terms = ZSlaClauseTerms.parse({
          title: `A ${metric} clause`,
          metric,
          percentile: metric === "latency_percentile" ? raw.percentile : null,
          comparator: raw.comparator,
          target: raw.target,
          unit: metric === "latency_percentile" ? "ms" : metric === "gauge_max" ? "goroutines" : "%",
          windowMinutes: windowed ? windowMinutes : null,
          period: raw.clauseKind ?? raw.reportKind,
          timezone,
          exclusions: raw.exclusions.map(spanOf).map((s) => ({
            from: new Date(s.from).toISOString(),
            to: new Date(s.to).toISOString(),
          })),
          credit: raw.credit,
        });
        const runSamples = raw.runs.flatMap((r) =>
          Array.from({ length: r.windows }, (_, k) => ({ ...r.first, shift: k * length })),
        );
        const samples = [...raw.samples.map((s) => ({ ...s, shift: 0 })), ...runSamples].map((s) => ({
          at: instant(s.place) + s.shift,
          value: s.value,
          requests: s.requests,
          errors: Math.floor((s.requests * s.errorShare) / 10),
          equal: s.equal,
        }));
        const asOf =
          raw.asOf === "closed"
            ? span.to + 400 * 86_400_000
            : raw.asOf === "before"
              ? span.from - 1
              : instant(raw.asOf);
        return {
          id: "clause",
          version: 2,
          terms,
          periodKey: key,
          span,
          asOf,
          samples,
          downtime: raw.downtime.map(spanOf),
        } satisfies ReferenceInput;
      });
  });
}
