// SLA measurements benchmark (figures in BENCHMARKS.md): 1,000,000 latency samples over 2026 posted
// through ingestMeasurements in batches of 100,000 (samples, window cache, triggers, audit), then a
// year's compliance for the clause. Run with `npm run bench:sla`; TEST_DATABASE_URL adds PostgreSQL.
import { performance } from "node:perf_hooks";
import { DEMO_ORGANISATIONS } from "../prisma/demo-data";
import { prisma } from "../server/data/prisma-client";
import { resolveOrgScope } from "../server/data/scope";
import { createSlaClause } from "../server/data/sla/clauses";
import { engagementCompliance } from "../server/data/sla/compliance";
import { ingestMeasurements } from "../server/data/sla/ingest";
import { createTestDatabase, idOf, seedForTests, sessionFor, testDatabaseKinds } from "../server/data/testing";

const TOTAL = 1_000_000;
const BATCH = 100_000;
const YEAR_FROM = Date.parse("2026-01-01T00:00:00Z");
const YEAR_MS = Date.parse("2027-01-01T00:00:00Z") - YEAR_FROM;
const COMPLIANCE_RUNS = 7;

/** Deterministic samples in time order: mostly 150-400 ms, with slow stretches that breach a 1.5 s P99. */
function batchOf(index: number): { at: number; value: number }[] {
  let state = (index + 1) * 2_654_435_761;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: BATCH }, (_, i) => {
    const n = index * BATCH + i;
    const at = YEAR_FROM + Math.floor((n * YEAR_MS) / TOTAL);
    const slow = Math.floor(n / 5_000) % 40 === 0;
    return { at, value: Math.round((slow ? 1_400 + next() * 600 : 150 + next() * 250) * 1000) / 1000 };
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

for (const kind of testDatabaseKinds()) {
  console.log(`\n${kind}`);
  const db = await createTestDatabase(kind);
  // the demo scenario without its clauses: the benchmark's clause is the only one
  await seedForTests(
    JSON.parse(JSON.stringify(DEMO_ORGANISATIONS), (key, value) => (key === "slaClauses" ? undefined : value)),
  );
  const owner = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
  const engagementId = await idOf("engagement", {
    title: "Financial-grade blockchain data synchroniser — private deployment",
  });
  const clause = await createSlaClause(owner, engagementId, {
    title: "Sync delay P99",
    metric: "latency_percentile",
    percentile: 99,
    comparator: "lte",
    target: 1500,
    unit: "ms",
    windowMinutes: 5,
    period: "year",
    credit: { type: "per_incident", perBreachedWindowMinor: 200_000, capPerIncidentMinor: 8_500_000 },
    triggers: [{ when: "above", value: 1800, forMinutes: 15, action: "Joint load test" }],
  });

  const batchTimes: number[] = [];
  for (let index = 0; index < TOTAL / BATCH; index += 1) {
    const samples = batchOf(index);
    const t0 = performance.now();
    await ingestMeasurements(
      { kind: "user", scope: owner },
      {
        clauseId: clause.id,
        idempotencyKey: `bench-${index}`,
        source: "api",
        measurements: { kind: "values", samples },
      },
    );
    batchTimes.push(performance.now() - t0);
  }
  const ingestMs = batchTimes.reduce((a, b) => a + b, 0);
  console.log(
    `  ingest ${TOTAL.toLocaleString("en")} samples in ${TOTAL / BATCH} batches: ${(ingestMs / 1000).toFixed(1)} s, ` +
      `${Math.round(TOTAL / (ingestMs / 1000)).toLocaleString("en")} samples/s ` +
      `(batch p50 ${median(batchTimes).toFixed(0)} ms, max ${Math.max(...batchTimes).toFixed(0)} ms)`,
  );

  // what autovacuum does after a burst of inserts (PostgreSQL 13+ vacuums on inserts too): the
  // pages become all-visible, so the period's percentile reads values from the index alone
  const t0 = performance.now();
  await prisma().$executeRawUnsafe('VACUUM ANALYZE "SlaSample"');
  console.log(`  vacuum analyze after ingest: ${(performance.now() - t0).toFixed(0)} ms`);

  const now = new Date("2027-01-15T00:00:00Z");
  const times: number[] = [];
  let report = await engagementCompliance(owner, engagementId, "2026", now);
  for (let run = 0; run < COMPLIANCE_RUNS; run += 1) {
    const t0 = performance.now();
    report = await engagementCompliance(owner, engagementId, "2026", now);
    times.push(performance.now() - t0);
  }
  const judged = report.clauses[0]!;
  console.log(
    `  year's compliance (period 2026, 1 clause): p50 ${median(times).toFixed(0)} ms over ${COMPLIANCE_RUNS} runs ` +
      `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); value ${judged.value}, ` +
      `windows ${judged.windows.total} (${judged.windows.breached} breached), ${judged.incidents.length} incidents`,
  );
  await db.drop();
}
