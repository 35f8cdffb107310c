import { describe, expect, it } from "vitest";
import { evaluateClause, type ClauseEvaluationInput } from "./evaluate";
import { periodSpan } from "./period";
import { measurementsFromSamples, type RawSample } from "./reference";
import type { ClauseMeasurements, WindowAggregate } from "./report";
import { ZSlaClauseTerms, type SlaClauseTermsInput } from "./terms";
import { MINUTE_MS, windowsIn } from "./windows";

const FIVE = 5 * MINUTE_MS;
const at = (iso: string) => Date.parse(iso);
const NOVEMBER = periodSpan("2026-11", "Asia/Shanghai");
const DECEMBER = periodSpan("2026-12", "Asia/Shanghai");

const syncDelay: SlaClauseTermsInput = {
  title: "Sync delay",
  metric: "latency_percentile",
  percentile: 99,
  comparator: "lte",
  target: 1500,
  unit: "ms",
  windowMinutes: 5,
  period: "month",
  timezone: "Asia/Shanghai",
  exclusions: [{ from: "2026-11-08T02:00:00+08:00", to: "2026-11-08T04:00:00+08:00", reason: "maintenance" }],
  credit: { type: "per_incident", perBreachedWindowMinor: 200_000, capPerIncidentMinor: 8_500_000 },
};

/** One sample a window over [from, to): 1600 ms inside the breached ranges, 900 ms elsewhere. */
function latencySamples(from: number, to: number, breached: [string, number][]): RawSample[] {
  const slow = new Set(
    breached.flatMap(([start, windows]) => Array.from({ length: windows }, (_, i) => at(start) + i * FIVE)),
  );
  return windowsIn({ from, to }, 5).map((start) => ({ at: start + 1_000, value: slow.has(start) ? 1600 : 900 }));
}

function input(
  terms: SlaClauseTermsInput,
  periodKey: string,
  measurements: ClauseMeasurements,
  asOf = at("2027-06-01T00:00:00Z"),
): ClauseEvaluationInput {
  const parsed = ZSlaClauseTerms.parse(terms);
  return {
    id: "c1",
    version: 1,
    terms: parsed,
    periodKey,
    span: periodSpan(periodKey, parsed.timezone),
    asOf,
    measurements,
  };
}

function fromSamples(terms: SlaClauseTermsInput, periodKey: string, samples: RawSample[], asOf?: number) {
  const base = input(terms, periodKey, { kind: "windows", windows: [], periodValue: null }, asOf);
  return evaluateClause({ ...base, measurements: measurementsFromSamples({ ...base, samples }) });
}

describe("evaluateClause: per-window clauses", () => {
  // the worked example of ADR 0015
  const november = latencySamples(NOVEMBER.from, NOVEMBER.to, [
    ["2026-11-12T10:00:00+08:00", 3],
    ["2026-11-20T09:00:00+08:00", 50],
  ]);

  it("judges the field guide's sync-delay clause over November 2026 in Asia/Shanghai", () => {
    const result = fromSamples(syncDelay, "2026-11", november);
    expect(result).toMatchObject({
      period: { key: "2026-11", from: "2026-10-31T16:00:00.000Z", to: "2026-11-30T16:00:00.000Z" },
      // 8,616 samples: rank ceil(0.99 x 8616) = 8530 is still a 900 ms sample
      value: 900,
      met: false,
      windows: { total: 8_616, breached: 53, noData: 0, excluded: 24 },
      incidents: [
        { from: "2026-11-12T02:00:00.000Z", to: "2026-11-12T02:15:00.000Z", windows: 3, creditMinor: 600_000 },
        { from: "2026-11-20T01:00:00.000Z", to: "2026-11-20T05:10:00.000Z", windows: 50, creditMinor: 8_500_000 },
      ],
      creditMinor: 9_100_000,
      capped: true,
      creditApplies: true,
    });
  });

  it("caps the period's sum when the clause has a period cap", () => {
    const capped = {
      ...syncDelay,
      credit: { ...syncDelay.credit, capPerPeriodMinor: 1_000_000 },
    } as SlaClauseTermsInput;
    expect(fromSamples(capped, "2026-11", november)).toMatchObject({ creditMinor: 1_000_000, capped: true });
    const low = [["2026-11-12T10:00:00+08:00", 3]] as [string, number][];
    const uncapped = fromSamples(capped, "2026-11", latencySamples(NOVEMBER.from, NOVEMBER.to, low));
    expect(uncapped).toMatchObject({ creditMinor: 600_000, capped: false });
  });

  it("gives an incident to the period it starts in, with its windows past the end", () => {
    const samples = latencySamples(NOVEMBER.from, DECEMBER.to, [["2026-11-30T23:50:00+08:00", 4]]);
    const november = fromSamples(syncDelay, "2026-11", samples);
    expect(november.incidents).toEqual([
      { from: "2026-11-30T15:50:00.000Z", to: "2026-11-30T16:10:00.000Z", windows: 4, creditMinor: 800_000 },
    ]);
    expect(november.windows.breached).toBe(2);
    const december = fromSamples(syncDelay, "2026-12", samples);
    expect(december).toMatchObject({ incidents: [], creditMinor: 0, met: false, windows: { breached: 2 } });
  });

  it("judges an open period up to now", () => {
    const asOf = at("2026-11-01T00:00:00+08:00") + 10 * FIVE + 1;
    const samples = latencySamples(NOVEMBER.from, NOVEMBER.to, [["2026-11-01T00:45:00+08:00", 6]]);
    const result = fromSamples(syncDelay, "2026-11", samples, asOf);
    expect(result.windows).toEqual({ total: 11, breached: 2, noData: 0, excluded: 0 });
    expect(result.incidents).toMatchObject([{ windows: 2, creditMinor: 400_000 }]);
  });

  it("ends an incident at a window without data and at an excluded window", () => {
    const terms = {
      ...syncDelay,
      exclusions: [{ from: "2026-11-03T10:20:00+08:00", to: "2026-11-03T10:21:00+08:00", reason: "" }],
    };
    const start = at("2026-11-03T10:00:00+08:00");
    const windows: WindowAggregate[] = [0, 1, 3, 5, 6].map((i) => ({
      start: start + i * FIVE,
      value: 2000,
      samples: 1,
    }));
    const result = evaluateClause(input(terms, "2026-11", { kind: "windows", windows, periodValue: 2000 }));
    expect(result.incidents.map((incident) => incident.windows)).toEqual([2, 1, 2]);
    expect(result.windows).toMatchObject({ breached: 5, excluded: 1, noData: 8_640 - 1 - 5 });
  });

  it("lists no incident that was already running when the period began", () => {
    const windows: WindowAggregate[] = [-1, 0, 1, 3].map((i) => ({
      start: NOVEMBER.from + i * FIVE,
      value: 2000,
      samples: 1,
    }));
    const result = evaluateClause(input(syncDelay, "2026-11", { kind: "windows", windows, periodValue: 2000 }));
    expect(result.incidents).toMatchObject([{ from: new Date(NOVEMBER.from + 3 * FIVE).toISOString(), windows: 1 }]);
    expect(result.windows.breached).toBe(3);
  });

  it("pays a monthly clause only from a monthly report", () => {
    const year = fromSamples(syncDelay, "2026", november);
    expect(year).toMatchObject({ creditApplies: false, creditMinor: 0, capped: false });
    expect(year.incidents.map((incident) => [incident.windows, incident.creditMinor])).toEqual([
      [3, 0],
      [50, 0],
    ]);
  });

  it("derives an error-rate period from the sums and a gauge period from the maximum", () => {
    const errorRate: SlaClauseTermsInput = {
      ...syncDelay,
      metric: "error_rate",
      percentile: null,
      target: 12,
      unit: "%",
      exclusions: [],
    };
    const t = at("2026-11-05T00:00:00Z");
    const samples = [
      { at: t, errors: 1, requests: 10 },
      { at: t + 1, errors: 2, requests: 10 },
      { at: t + FIVE, errors: 0, requests: 0 },
      { at: t + 2 * FIVE, errors: 30, requests: 100 },
    ];
    const result = fromSamples(errorRate, "2026-11", samples);
    expect(result.value).toBe((100 * 33) / 120);
    expect(result.windows).toMatchObject({ breached: 2, noData: 8_640 - 2 });
    expect(result.incidents.map((incident) => incident.windows)).toEqual([1, 1]);
    const gauge = { ...errorRate, metric: "gauge_max", target: 5000, unit: "goroutines" } as SlaClauseTermsInput;
    const gauges = [4000, 5200, 4800].map((value, i) => ({ at: t + i * FIVE, value }));
    expect(fromSamples(gauge, "2026-11", gauges)).toMatchObject({ value: 5200, met: false, windows: { breached: 1 } });
  });

  it("refuses measurements of another kind than the metric's", () => {
    expect(() => evaluateClause(input(syncDelay, "2026-11", { kind: "downtime", downtime: [] }))).toThrow(RangeError);
  });
});

describe("evaluateClause: period clauses", () => {
  const availability: SlaClauseTermsInput = {
    title: "Availability",
    metric: "availability",
    comparator: "gte",
    target: 99.995,
    unit: "%",
    period: "month",
    timezone: "UTC",
    exclusions: [{ from: "2026-11-08T02:00:00Z", to: "2026-11-08T04:00:00Z", reason: "maintenance" }],
    credit: {
      type: "tiered",
      baseMinor: 1_000_000,
      tiers: [
        { below: 99.995, creditPct: 5 },
        { below: 99.9, creditPct: 10 },
      ],
    },
  };
  const downtime = [
    { from: at("2026-11-08T03:30:00Z"), to: at("2026-11-08T04:30:00Z") },
    { from: at("2026-11-08T04:00:00Z"), to: at("2026-11-08T04:15:00Z") },
  ];

  it("computes availability from downtime outside exclusions, and pays the tier it falls in", () => {
    const result = evaluateClause(input(availability, "2026-11", { kind: "downtime", downtime }));
    // P = 43,200 min, E = 120, D = 30 (the downtime inside the maintenance window is excluded)
    expect(result.value).toBe((100 * (43_200 - 120 - 30)) / (43_200 - 120));
    expect(result).toMatchObject({ met: false, creditMinor: 50_000, capped: false, incidents: [] });
    expect(result.windows).toEqual({ total: 0, breached: 0, noData: 0, excluded: 0 });
  });

  it("is 100% without downtime, judged up to now in an open period, and undefined before it starts", () => {
    expect(evaluateClause(input(availability, "2026-11", { kind: "downtime", downtime: [] }))).toMatchObject({
      value: 100,
      met: true,
      creditMinor: 0,
    });
    const asOf = at("2026-11-08T05:00:00Z");
    const open = evaluateClause(input(availability, "2026-11", { kind: "downtime", downtime }, asOf));
    const minutes = 7 * 1440 + 5 * 60;
    expect(open.value).toBe((100 * (minutes - 120 - 30)) / (minutes - 120));
    const before = evaluateClause(input(availability, "2026-12", { kind: "downtime", downtime }, asOf));
    expect(before).toMatchObject({ value: null, met: null, creditMinor: 0 });
  });

  it("counts integrity checks in the period and outside exclusions", () => {
    const integrity = { ...availability, metric: "integrity", target: 100 } as SlaClauseTermsInput;
    const checks = [
      { at: at("2026-11-02T00:00:00Z"), equal: true },
      { at: at("2026-11-03T00:00:00Z"), equal: true },
      { at: at("2026-11-04T00:00:00Z"), equal: false },
      { at: at("2026-11-08T03:00:00Z"), equal: false },
      { at: at("2026-12-01T00:00:00Z"), equal: false },
    ];
    const result = evaluateClause(input(integrity, "2026-11", { kind: "checks", checks }));
    expect(result).toMatchObject({ value: (100 * 2) / 3, met: false, creditMinor: 100_000 });
    expect(evaluateClause(input(integrity, "2026-10", { kind: "checks", checks }))).toMatchObject({
      value: null,
      met: null,
      creditMinor: 0,
    });
  });
});
