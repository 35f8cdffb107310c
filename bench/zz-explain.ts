import { performance } from "node:perf_hooks";
import { DEMO_ORGANISATIONS } from "../prisma/demo-data";
import { resolveOrgScope } from "../server/data/scope";
import { createSlaClause } from "../server/data/sla/clauses";
import { rebuildWindows } from "../server/data/sla/ingest";
import { readWindows } from "../server/data/sla/measurements-read";
import { periodPercentile } from "../server/data/sla/period-percentile";
import { periodSpan } from "../server/domain/sla/period";
import { prisma, transaction } from "../server/data/prisma-client";
import { createTestDatabase, idOf, seedForTests, sessionFor } from "../server/data/testing";
const db = await createTestDatabase("postgres");
await seedForTests(JSON.parse(JSON.stringify(DEMO_ORGANISATIONS), (k, v) => (k === "slaClauses" ? undefined : v)));
const owner = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
const engagementId = await idOf("engagement", { title: "Financial-grade blockchain data synchroniser — private deployment" });
const clause = await createSlaClause(owner, engagementId, { title: "P99", metric: "latency_percentile", percentile: 99, comparator: "lte", target: 1500, unit: "ms", windowMinutes: 5, period: "year", credit: { type: "per_incident", perBreachedWindowMinor: 1, capPerIncidentMinor: 10 } });
await prisma().$executeRawUnsafe(`INSERT INTO "SlaSample" ("organisationId","clauseId","batchId","at","value") SELECT $1, $2, 'b', timestamptz '2026-01-01 00:00:00+00' + (i * 31.536) * interval '1 second', 150 + (i % 997) / 3.0 FROM generate_series(0, 999999) i`, owner.organisationId, clause.id);
await transaction((tx) => rebuildWindows(tx, clause.id, clause), { timeout: 600000 });
await prisma().$executeRawUnsafe(`VACUUM ANALYZE "SlaSample"`).catch(() => prisma().$executeRawUnsafe(`ANALYZE "SlaSample"`));
const span = periodSpan("2026", "UTC");
const t = async (label: string, f: () => Promise<unknown>) => { const t0 = performance.now(); const r = await f(); console.log(label, (performance.now() - t0).toFixed(0), "ms"); return r; };
for (let r = 0; r < 3; r++) {
  const ws = await t("readWindows", () => readWindows(clause.id, { from: span.from - 300000, to: span.to })) as never;
  await t("periodPercentile", () => periodPercentile(clause.id, clause, span, Date.parse("2027-01-15T00:00:00Z"), ws));
}
const ex = async (sql: string) => console.log(((await prisma().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, clause.id)).map((r) => r["QUERY PLAN"]).join("\n")));
await ex(`SELECT json_agg(json_build_array((extract(epoch FROM "start") * 1000)::bigint, "value", "samples", "errors", "requests") ORDER BY "start")::text FROM "SlaWindow" WHERE "clauseId" = $1`);
await ex(`SELECT s."value" FROM "SlaSample" s WHERE s."clauseId" = $1 AND s."at" >= '2026-01-01' AND s."at" < '2027-01-01' ORDER BY s."value" DESC OFFSET 9999 LIMIT 1`);
await ex(`SELECT percentile_disc(0.99) WITHIN GROUP (ORDER BY s."value") FROM "SlaSample" s WHERE s."clauseId" = $1 AND s."at" >= '2026-01-01' AND s."at" < '2027-01-01'`);
await db.drop();
