import type { SlaReportSource } from "./report-document";
import type { ClauseCompliance } from "./report";
import { ZSlaClauseTerms, type SlaClauseTermsInput } from "./terms";

// A November 2026 report of the demo's clauses, written by hand, for the view-model's and the
// template's tests: a latency clause with two incidents (one capped), an error-rate clause with
// one incident, a monthly integrity clause met and a yearly availability clause (not credited
// in a monthly report).

const NOVEMBER = { key: "2026-11", from: "2026-10-31T16:00:00.000Z", to: "2026-11-30T16:00:00.000Z" };
const FIVE_MINUTES = 5 * 60_000;

const syncDelay: SlaClauseTermsInput = {
  title: "Sync delay",
  metric: "latency_percentile",
  percentile: 99,
  comparator: "lte",
  target: 1.5,
  unit: "s",
  windowMinutes: 5,
  period: "month",
  timezone: "Asia/Shanghai",
  exclusions: [{ from: "2026-11-15T02:00:00+08:00", to: "2026-11-15T04:00:00+08:00", reason: "Node upgrade" }],
  credit: { type: "per_incident", perBreachedWindowMinor: 200_000, capPerIncidentMinor: 8_500_000 },
  measurementMethod: "Block produced to row stored, P99 per 5-minute window",
};

const availability: SlaClauseTermsInput = {
  title: "Availability",
  metric: "availability",
  comparator: "gte",
  target: 99.995,
  unit: "%",
  period: "year",
  timezone: "Asia/Shanghai",
  credit: {
    type: "tiered",
    baseMinor: 15_000_000,
    tiers: [
      { below: 99.995, creditPct: 5 },
      { below: 99.9, creditPct: 10 },
    ],
    capPerPeriodMinor: 8_500_000,
  },
};

const errorRate: SlaClauseTermsInput = {
  title: "Error rate",
  metric: "error_rate",
  comparator: "lte",
  target: 12,
  unit: "%",
  windowMinutes: 1,
  period: "month",
  timezone: "Asia/Shanghai",
  credit: { type: "per_incident", perBreachedWindowMinor: 0, capPerIncidentMinor: 0 },
  triggers: [{ when: "above", value: 12, forMinutes: 5, action: "Joint load test" }],
};

const base = (id: string, terms: SlaClauseTermsInput): Omit<ClauseCompliance, "value" | "met" | "windows"> => ({
  id,
  title: terms.title,
  metric: terms.metric,
  target: terms.target,
  comparator: terms.comparator,
  unit: terms.unit,
  period: NOVEMBER,
  incidents: [],
  creditMinor: 0,
  capped: false,
  creditApplies: true,
  version: 1,
});

/** Window values over November: 0.4 s, with the two incidents at 2.1 s and 1.8 s. */
function latencySeries(): { start: string; value: number }[] {
  const from = Date.parse(NOVEMBER.from);
  const long = { from: Date.parse("2026-11-03T02:00:00.000Z"), to: Date.parse("2026-11-03T05:45:00.000Z") };
  const short = { from: Date.parse("2026-11-20T07:00:00.000Z"), to: Date.parse("2026-11-20T07:20:00.000Z") };
  const points: { start: string; value: number }[] = [];
  for (let at = from; at < Date.parse(NOVEMBER.to); at += 12 * FIVE_MINUTES) {
    const value = at >= long.from && at < long.to ? 2.1 : at >= short.from && at < short.to ? 1.8 : 0.4;
    points.push({ start: new Date(at).toISOString(), value });
  }
  return points;
}

export function novemberReportSource(): SlaReportSource {
  const terms = (input: SlaClauseTermsInput) => ZSlaClauseTerms.parse(input);
  const clauses: SlaReportSource["clauses"] = [
    {
      terms: terms(syncDelay),
      series: latencySeries(),
      compliance: {
        ...base("clause-sync", syncDelay),
        value: 1.62,
        met: false,
        windows: { total: 8616, breached: 49, noData: 0, excluded: 24 },
        incidents: [
          { from: "2026-11-03T02:00:00.000Z", to: "2026-11-03T05:45:00.000Z", windows: 45, creditMinor: 8_500_000 },
          { from: "2026-11-20T07:00:00.000Z", to: "2026-11-20T07:20:00.000Z", windows: 4, creditMinor: 800_000 },
        ],
        creditMinor: 9_300_000,
        capped: true,
      },
    },
    {
      terms: terms(availability),
      series: [],
      compliance: {
        ...base("clause-availability", availability),
        value: 99.9988,
        met: false,
        windows: { total: 0, breached: 0, noData: 0, excluded: 0 },
        creditApplies: false,
      },
    },
    {
      terms: terms(errorRate),
      series: latencySeries().map((p) => ({ ...p, value: p.value * 5 })),
      compliance: {
        ...base("clause-errors", errorRate),
        value: 3.2,
        met: false,
        windows: { total: 43_200, breached: 7, noData: 0, excluded: 0 },
        incidents: [{ from: "2026-11-12T06:00:00.000Z", to: "2026-11-12T06:07:00.000Z", windows: 7, creditMinor: 0 }],
      },
    },
  ];
  return {
    organisation: "Northwind Consulting",
    engagement: "Financial-grade blockchain data synchroniser — private deployment",
    client: "Eastbank",
    report: {
      engagementId: "engagement-1",
      period: "2026-11",
      currency: "CNY",
      clauses: clauses.map((c) => c.compliance),
      totalCreditMinor: 9_300_000,
    },
    clauses,
  };
}
