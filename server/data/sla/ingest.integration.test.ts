import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import type { ParsedMeasurements } from "../../domain/sla/measurements";
import { aggregateWindows, type RawSample } from "../../domain/sla/reference";
import type { SlaClauseTerms, SlaClauseTermsInput } from "../../domain/sla/terms";
import { exclusionSpans, isExcluded, MINUTE_MS, nearestRank, windowStart } from "../../domain/sla/windows";
import { useTestDatabase } from "../../test-support/database";
import { transaction } from "../prisma-client";
import { resolveOrgScope, type OrgScope } from "../scope";
import { idOf, seedForTests, sessionFor, testDatabaseKinds } from "../testing";
import { createSlaClause, type SlaClauseView } from "./clauses";
import { ingestMeasurements, rebuildWindows } from "./ingest";
import { readClauseMeasurements, readWindows } from "./measurements-read";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const START = Date.parse("2026-11-03T10:00:00Z");
const HOUR = 60 * MINUTE_MS;
const everything = { from: START - 24 * HOUR, to: START + 24 * HOUR };

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const base: SlaClauseTermsInput = {
  title: "Latency",
  metric: "latency_percentile",
  percentile: 99,
  comparator: "lte",
  target: 500,
  unit: "ms",
  windowMinutes: 5,
  period: "month",
  credit: { type: "per_incident", perBreachedWindowMinor: 100, capPerIncidentMinor: 1_000 },
};

/** Raw samples over two hours, with ties and gaps, in three batches whose windows overlap. */
function generate(seed: number, count: number, shape: "value" | "rate"): RawSample[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const at = START + Math.floor(next() * 2 * HOUR);
    if (shape === "rate") {
      const requests = Math.floor(next() * 50);
      return { at, errors: Math.floor(next() * (requests + 1)), requests };
    }
    // a few distinct values make ties; fractions make float values
    return { at, value: next() < 0.3 ? Math.floor(next() * 10) * 100 : Math.round(next() * 1_000_000) / 1000 };
  });
}

function measurementsOf(samples: RawSample[]): ParsedMeasurements {
  if (samples[0]?.requests !== undefined)
    return {
      kind: "error_rate",
      samples: samples.map((s) => ({ at: s.at, errors: s.errors!, requests: s.requests! })),
    };
  return { kind: "values", samples: samples.map((s) => ({ at: s.at, value: s.value! })) };
}

describe.each(testDatabaseKinds())("SLA measurements stored and read on %s", (kind) => {
  useTestDatabase(kind, { seed: false });
  let owner: OrgScope;
  let engagementId: string;
  let keys = 0;

  beforeAll(async () => {
    // the demo scenario without its clauses: these tests make their own
    await seedForTests(
      JSON.parse(JSON.stringify(DEMO_ORGANISATIONS), (key, value) => (key === "slaClauses" ? undefined : value)),
    );
    owner = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    engagementId = await idOf("engagement", { title: EASTBANK });
  });

  async function clauseWith(samples: RawSample[], terms: SlaClauseTermsInput): Promise<SlaClauseView> {
    const clause = await createSlaClause(owner, engagementId, terms);
    const third = Math.ceil(samples.length / 3);
    for (let i = 0; i < samples.length; i += third)
      await ingestMeasurements(
        { kind: "user", scope: owner },
        {
          clauseId: clause.id,
          idempotencyKey: `batch-${(keys += 1)}`,
          source: "api",
          measurements: measurementsOf(samples.slice(i, i + third)),
        },
      );
    return clause;
  }

  const cases: [string, SlaClauseTermsInput, "value" | "rate"][] = [
    ["p99", base, "value"],
    // 7/100 x 100 is 7.000000000000001 in floats: the exact rank is 7
    ["p7", { ...base, percentile: 7 }, "value"],
    ["p99.9", { ...base, percentile: 99.9 }, "value"],
    ["gauge max", { ...base, metric: "gauge_max", percentile: null, unit: "goroutines" }, "value"],
    ["error rate", { ...base, metric: "error_rate", percentile: null, unit: "%", target: 12 }, "rate"],
  ];

  it.each(cases)("keeps %s windows equal to the domain's aggregates of the raw samples", async (_, terms, shape) => {
    const samples = generate(terms.percentile ?? 1, 3_000, shape);
    const clause = await clauseWith(samples, terms);
    expect(await readWindows(clause.id, everything)).toEqual(aggregateWindows(samples, clause));
  });

  it("rebuilds the whole window cache when the window length changes", async () => {
    const samples = generate(11, 2_000, "value");
    const clause = await clauseWith(samples, base);
    const longer: SlaClauseTerms = { ...clause, windowMinutes: 7, percentile: 95 };
    await transaction((tx) => rebuildWindows(tx, clause.id, longer));
    expect(await readWindows(clause.id, everything)).toEqual(aggregateWindows(samples, longer));
  });

  it("reads a latency period: its percentile outside excluded windows, before asOf, and the incident's tail", async () => {
    const samples = generate(5, 3_000, "value");
    const exclusion = { from: "2026-11-03T10:32:00Z", to: "2026-11-03T10:41:00Z", reason: "maintenance" };
    const clause = await clauseWith(samples, { ...base, target: 1, exclusions: [exclusion] });
    const span = { from: START + 20 * MINUTE_MS, to: START + HOUR };
    const asOf = START + 50 * MINUTE_MS + 17_000;
    const read = await readClauseMeasurements({ id: clause.id, terms: clause }, span, asOf);
    if (read.kind !== "windows") throw new Error("expected windows");
    const all = aggregateWindows(samples, clause);
    // every window breaches a target of 1 ms, but the period is judged before its end (asOf): windows from asOf on
    // are not judged yet, so the run is not followed past the period's end
    const expected = all.filter((w) => w.start >= span.from - 5 * MINUTE_MS && w.start < span.to);
    expect(read.windows).toEqual(expected);
    const excluded = exclusionSpans(clause.exclusions);
    const counted = samples
      .filter((s) => s.at >= span.from && s.at < asOf)
      .filter((s) => !isExcluded(windowStart(s.at, 5), 5, excluded))
      .map((s) => s.value!)
      .sort((a, b) => a - b);
    expect(read.periodValue).toBe(nearestRank(counted, 99));
  });

  it("stops following an incident at the first window that meets the target or has no data", async () => {
    const at = (minute: number) => START + minute * MINUTE_MS;
    const samples: RawSample[] = [
      { at: at(50), value: 900 },
      { at: at(55), value: 900 },
      { at: at(60), value: 900 },
      { at: at(65), value: 900 },
      { at: at(70), value: 100 },
      { at: at(75), value: 900 },
    ];
    const clause = await clauseWith(samples, base);
    const read = await readClauseMeasurements({ id: clause.id, terms: clause }, { from: at(0), to: at(60) }, at(200));
    expect(read.kind === "windows" && read.windows.map((w) => (w.start - START) / MINUTE_MS)).toEqual([50, 55, 60, 65]);
  });

  it("computes windows from the samples when the period is judged by terms the cache was not cut for", async () => {
    const samples = generate(21, 1_500, "value");
    const clause = await clauseWith(samples, base);
    const earlier: SlaClauseTerms = { ...clause, windowMinutes: 10, target: 1_000_000 };
    const read = await readClauseMeasurements({ id: clause.id, terms: earlier }, everything, everything.to);
    expect(read.kind === "windows" && read.windows).toEqual(aggregateWindows(samples, earlier));
  });
});
