// Usage metering benchmark (figures in BENCHMARKS.md), on PostgreSQL (TEST_DATABASE_URL, e.g. a
// cluster from scripts/throwaway-postgres.sh): 1,000,000 events posted through ingestUsage in
// batches of 10,000 (batch check, one insert-and-roll-up statement, audit event), then a month of
// 10,000,000 events of another engagement, generated in SQL as ingest would store them (events
// and their hourly rollups), and that month's usageReport. Run with `npm run bench:usage`.
import { performance } from "node:perf_hooks";
import { DEMO_ORGANISATIONS } from "../prisma/demo-data";
import { createApiToken, resolveTokenScope } from "../server/data/organisation/api-tokens";
import { prisma } from "../server/data/prisma-client";
import { resolveOrgScope } from "../server/data/scope";
import { createTestDatabase, idOf, seedForTests, sessionFor } from "../server/data/testing";
import { ingestUsage } from "../server/data/usage/ingest";
import { createMeter } from "../server/data/usage/meters";
import { usageReport } from "../server/data/usage/report";
import { ZMeterInput } from "../server/domain/usage/meter";
import { usagePeriodSpan } from "../server/domain/usage/period";

const TOTAL = 1_000_000;
const BATCH = 10_000;
const MONTH_EVENTS = 10_000_000;
const FILL_CHUNK = 1_000_000;
const TENANTS = 100;
const REPORT_RUNS = 20;
const PERIOD = "2026-11";
const TIMEZONE = "Asia/Shanghai";
const NOW = new Date("2026-11-20T00:00:00Z");

const meterInput = ZMeterInput.parse({
  meter: "llm_tokens",
  unit: "token",
  timezone: TIMEZONE,
  freeQuantity: 10_000,
  tiers: [
    { upTo: 1_000_000, priceMinor: 1, perQuantity: 1_000 },
    { upTo: null, priceMinor: 0.5, perQuantity: 1_000 },
  ],
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Batch `index` as a client posts it: events of the first 19 days of the month, mostly in order. */
function batchOf(index: number, from: number, spanMs: number): unknown[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const n = index * BATCH + i;
    return {
      meter: "llm_tokens",
      quantity: 100 + ((n * 7919) % 900),
      // every tenth event is late by up to an hour: out of order, as gateways post
      at: new Date(from + Math.floor((n * spanMs) / TOTAL) - (n % 10 === 0 ? (n % 3_600) * 1000 : 0)).toISOString(),
      tenant: `tenant-${n % TENANTS}`,
      idempotencyKey: `bench-${n}`,
    };
  });
}

if (!process.env.TEST_DATABASE_URL) {
  console.error(
    'set TEST_DATABASE_URL (e.g. eval "$(scripts/throwaway-postgres.sh)"): this benchmark runs on PostgreSQL',
  );
  process.exit(1);
}

const db = await createTestDatabase("postgres");
await seedForTests(DEMO_ORGANISATIONS);
const owner = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
const { from } = usagePeriodSpan(PERIOD, TIMEZONE);

// 1. ingest through the API's data function, with a real engagement token
const eastbank = await idOf("engagement", {
  title: "Financial-grade blockchain data synchroniser — private deployment",
});
await createMeter(owner, eastbank, meterInput, new Date(from));
const token = (await resolveTokenScope((await createApiToken(owner, eastbank, "bench"))!.token))!;
const ingestSpan = NOW.getTime() - from - 24 * 3_600_000;
const batchTimes: number[] = [];
for (let index = 0; index < TOTAL / BATCH; index += 1) {
  const events = batchOf(index, from, ingestSpan);
  const t0 = performance.now();
  const answer = await ingestUsage(token, events, NOW);
  batchTimes.push(performance.now() - t0);
  if (!answer.ok || answer.accepted !== BATCH) throw new Error(`batch ${index}: ${JSON.stringify(answer)}`);
}
const ingestMs = batchTimes.reduce((a, b) => a + b, 0);
console.log(
  `ingest ${TOTAL.toLocaleString("en")} events in ${TOTAL / BATCH} batches of ${BATCH.toLocaleString("en")}: ` +
    `${seconds(ingestMs)}, ${Math.round(TOTAL / (ingestMs / 1000)).toLocaleString("en")} events/s ` +
    `(batch p50 ${median(batchTimes).toFixed(0)} ms, max ${Math.max(...batchTimes).toFixed(0)} ms)`,
);
const replayStart = performance.now();
const replay = await ingestUsage(token, batchOf(0, from, ingestSpan), NOW);
console.log(`replay of a whole batch: ${(performance.now() - replayStart).toFixed(0)} ms, ${JSON.stringify(replay)}`);

// 2. a month of 10,000,000 events for another engagement, stored as ingest stores them: the events
// (same columns and keys) and their rollups (same grouping: meter, period, UTC hour, tenant)
const lakeside = await idOf("engagement", { title: "Checkout latency review" });
const meter = await createMeter(owner, lakeside, meterInput, new Date(from));
const { to } = usagePeriodSpan(PERIOD, TIMEZONE);
const fillStart = performance.now();
for (let offset = 0; offset < MONTH_EVENTS; offset += FILL_CHUNK) {
  await prisma().$executeRawUnsafe(
    `INSERT INTO "UsageEvent" ("engagementId", "idempotencyKey", "meterId", "at", "quantity", "tenant")
     SELECT $1, 'fill-' || g, $2, timestamp '1970-01-01 00:00:00' + ($3::bigint + (g * $4::bigint) / $5::bigint) * interval '1 millisecond',
            100 + (g * 7919) % 900, 'tenant-' || (g % ${TENANTS})
     FROM generate_series($6::bigint, $7::bigint) AS g`,
    lakeside,
    meter.id,
    from,
    to - from,
    MONTH_EVENTS,
    offset,
    offset + FILL_CHUNK - 1,
  );
}
const eventsMs = performance.now() - fillStart;
const rollupStart = performance.now();
await prisma().$executeRawUnsafe(
  `INSERT INTO "UsageRollup" ("meterId", "period", "hour", "tenant", "quantity", "events")
   SELECT "meterId", $2, date_trunc('hour', "at"), "tenant", SUM("quantity"), COUNT(*)
   FROM "UsageEvent" WHERE "engagementId" = $1
   GROUP BY "meterId", date_trunc('hour', "at"), "tenant"`,
  lakeside,
  PERIOD,
);
await prisma().$executeRawUnsafe('VACUUM ANALYZE "UsageRollup"');
const [{ rollups } = { rollups: 0 }] = await prisma().$queryRawUnsafe<{ rollups: number }[]>(
  `SELECT COUNT(*)::int AS rollups FROM "UsageRollup" WHERE "meterId" = $1`,
  meter.id,
);
console.log(
  `fill ${MONTH_EVENTS.toLocaleString("en")} events of ${PERIOD} in SQL: events ${seconds(eventsMs)}, ` +
    `rollups ${seconds(performance.now() - rollupStart)} (${rollups.toLocaleString("en")} rows: 720 hours x ${TENANTS} tenants)`,
);

// 3. the month's report
const times: number[] = [];
let report = await usageReport(owner, lakeside, PERIOD, NOW);
for (let run = 0; run < REPORT_RUNS; run += 1) {
  const t0 = performance.now();
  report = await usageReport(owner, lakeside, PERIOD, NOW);
  times.push(performance.now() - t0);
}
const line = report.meters[0]!;
console.log(
  `usageReport for ${PERIOD} (${MONTH_EVENTS.toLocaleString("en")} events): p50 ${median(times).toFixed(1)} ms over ` +
    `${REPORT_RUNS} runs (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); ` +
    `quantity ${line.quantity.toLocaleString("en")}, amount ${line.amountExact} minor units, ${line.byTenant.length} tenants`,
);
const ingested = await usageReport(owner, eastbank, PERIOD, NOW);
console.log(`usageReport of the ingested engagement: quantity ${ingested.meters[0]!.quantity.toLocaleString("en")}`);
await db.drop();
