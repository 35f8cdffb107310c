import { createHash } from "node:crypto";
import type { SeedSlaMeasurements } from "../server/data/database/seed";
import type { NewSlaClause } from "../server/data/engagement/records";

// The demo's SLA: the field guide's three clauses and the "anti-fragile" error-rate clause, with
// measurements for November 2026 (Asia/Shanghai) made by a fixed rule, no randomness: two latency
// incidents (one long enough to hit the CNY 85,000 cap, one of four windows), breaching samples
// inside the excluded maintenance window that count for nothing, integrity checks that all match,
// two minutes of downtime, and one error-rate episode above 12 % that calls for a joint load test.

const MINUTE = 60_000;
const WINDOW = 5 * MINUTE;
/** November 2026 in Asia/Shanghai (UTC+8, no daylight saving) */
export const DEMO_NOVEMBER = {
  from: Date.parse("2026-11-01T00:00:00+08:00"),
  to: Date.parse("2026-12-01T00:00:00+08:00"),
};
const at = (local: string) => Date.parse(`${local}+08:00`);

/** The incidents the demo's latency samples make, and the maintenance they skip. */
export const DEMO_LATENCY = {
  longIncident: { from: at("2026-11-03T10:00:00"), windows: 45, value: 2.1 },
  shortIncident: { from: at("2026-11-20T15:00:00"), windows: 4, value: 1.8 },
  maintenance: { from: "2026-11-15T02:00:00+08:00", to: "2026-11-15T04:00:00+08:00", value: 3.4 },
} as const;
export const DEMO_ERROR_EPISODE = { from: at("2026-11-12T14:00:00"), windows: 3, errors: 190, requests: 1000 };
export const DEMO_DOWNTIME = { from: at("2026-11-08T03:17:00"), to: at("2026-11-08T03:19:00") };

export const DEMO_SLA_CLAUSES: NewSlaClause[] = [
  {
    title: "Sync delay",
    metric: "latency_percentile",
    percentile: 99,
    comparator: "lte",
    target: 1.5,
    unit: "s",
    windowMinutes: 5,
    period: "month",
    timezone: "Asia/Shanghai",
    exclusions: [
      { from: DEMO_LATENCY.maintenance.from, to: DEMO_LATENCY.maintenance.to, reason: "Ledger node upgrade" },
    ],
    credit: {
      type: "per_incident",
      perBreachedWindowMinor: 200_000, // CNY 2,000.00
      capPerIncidentMinor: 8_500_000, // CNY 85,000.00
      capPerPeriodMinor: null,
    },
    measurementMethod: "Block produced to row stored, P99 per 5-minute window",
  },
  {
    title: "Data integrity",
    metric: "integrity",
    comparator: "gte",
    target: 100,
    unit: "%",
    period: "month",
    timezone: "Asia/Shanghai",
    credit: { type: "tiered", baseMinor: 10_000_000, tiers: [{ below: 100, creditPct: 5 }], capPerPeriodMinor: null },
    measurementMethod: "SHA-256 of every row and Merkle root comparison against the chain",
  },
  {
    title: "Availability",
    metric: "availability",
    comparator: "gte",
    target: 99.995,
    unit: "%",
    period: "year",
    timezone: "Asia/Shanghai",
    credit: {
      type: "tiered",
      // the fee's upgrade-channel share (10 %)
      baseMinor: 10_000_000,
      tiers: [
        { below: 99.995, creditPct: 5 },
        { below: 99.9, creditPct: 10 },
      ],
      capPerPeriodMinor: 8_500_000,
    },
    measurementMethod: "Independent health probes; down intervals reported by the bank's monitoring",
  },
  {
    title: "Error rate",
    metric: "error_rate",
    comparator: "lte",
    target: 12,
    unit: "%",
    windowMinutes: 5,
    period: "month",
    timezone: "Asia/Shanghai",
    credit: { type: "per_incident", perBreachedWindowMinor: 0, capPerIncidentMinor: 0, capPerPeriodMinor: null },
    triggers: [{ when: "above", value: 12, forMinutes: 5, action: "Joint load test" }],
    measurementMethod: "Failed sync requests over all sync requests, per 5-minute window",
  },
];

const inside = (ms: number, from: number, windows: number) => ms >= from && ms < from + windows * WINDOW;
const windowStarts = () => {
  const starts: number[] = [];
  for (let start = DEMO_NOVEMBER.from; start < DEMO_NOVEMBER.to; start += WINDOW) starts.push(start);
  return starts;
};

/** A sample in every 5-minute window: ordinary delays between 0.32 and 0.61 s. */
function latencySamples(): { at: number; value: number }[] {
  const { longIncident, shortIncident, maintenance } = DEMO_LATENCY;
  const excluded = { from: Date.parse(maintenance.from), to: Date.parse(maintenance.to) };
  return windowStarts().flatMap((start, index) => {
    const value = inside(start, longIncident.from, longIncident.windows)
      ? longIncident.value
      : inside(start, shortIncident.from, shortIncident.windows)
        ? shortIncident.value
        : start >= excluded.from && start < excluded.to
          ? maintenance.value
          : null;
    // one sample per ordinary window keeps seeding fast; three where the window breaches
    if (value === null) return [{ at: start + 150_000, value: (320 + ((index * 37) % 290)) / 1000 }];
    return [30_000, 150_000, 270_000].map((offset, i) => ({ at: start + offset, value: value + i / 100 }));
  });
}

function errorRateSamples(): { at: number; errors: number; requests: number }[] {
  const episode = DEMO_ERROR_EPISODE;
  return windowStarts().map((start, index) =>
    inside(start, episode.from, episode.windows)
      ? { at: start + 60_000, errors: episode.errors, requests: episode.requests }
      : { at: start + 60_000, errors: (index * 7) % 23, requests: 1000 },
  );
}

/** One Merkle-root check a day at 03:00, the stored root equal to the chain's. */
function integrityChecks(): { at: number; expected: string; observed: string }[] {
  return Array.from({ length: 30 }, (_, day) => {
    const root = createHash("sha256").update(`eastbank block range ${day}`).digest("hex");
    return { at: DEMO_NOVEMBER.from + day * 1440 * MINUTE + 3 * 60 * MINUTE, expected: root, observed: root };
  });
}

export function demoSlaMeasurements(): SeedSlaMeasurements[] {
  return [
    { clause: "Sync delay", measurements: { kind: "values", samples: latencySamples() } },
    { clause: "Data integrity", measurements: { kind: "checks", checks: integrityChecks() } },
    { clause: "Availability", measurements: { kind: "downtime", downtime: [DEMO_DOWNTIME] } },
    { clause: "Error rate", measurements: { kind: "error_rate", samples: errorRateSamples() } },
  ];
}
