import { performance } from "node:perf_hooks";
import { DEMO_ORGANISATIONS } from "../prisma/demo-data";
import { resolveOrgScope } from "../server/data/scope";
import { createSlaClause } from "../server/data/sla/clauses";
import { ingestMeasurements, measurementDigest } from "../server/data/sla/ingest";
import { readClauseMeasurements, readWindows } from "../server/data/sla/measurements-read";
import { periodPercentile } from "../server/data/sla/period-percentile";
import { storeSamples } from "../server/data/sla/sample-sql";
import { occupiedWindows, refreshWindows } from "../server/data/sla/window-refresh";
import { raiseTriggeredActions } from "../server/data/sla/triggers";
import { evaluateClause } from "../server/domain/sla/evaluate";
import { periodSpan } from "../server/domain/sla/period";
import { windowStart } from "../server/domain/sla/windows";
import { prisma, transaction } from "../server/data/prisma-client";
import { createTestDatabase, idOf, seedForTests, sessionFor } from "../server/data/testing";

const kind = (process.argv[2] ?? "postgres") as "postgres" | "pglite";
const db = await createTestDatabase(kind);
await seedForTests(JSON.parse(JSON.stringify(DEMO_ORGANISATIONS), (k, v) => (k === "slaClauses" ? undefined : v)));
const owner = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
const engagementId = await idOf("engagement", { title: "Financial-grade blockchain data synchroniser — private deployment" });
const terms = { title: "P99", metric: "latency_percentile" as const, percentile: 99, comparator: "lte" as const, target: 1500, unit: "ms", windowMinutes: 5, period: "year" as const,
  credit: { type: "per_incident" as const, perBreachedWindowMinor: 1, capPerIncidentMinor: 10 }, triggers: [{ when: "above" as const, value: 1800, forMinutes: 15, action: "x" }] };
const clause = await createSlaClause(owner, engagementId, terms);
const Y = Date.parse("2026-01-01T00:00:00Z"), YMS = 365 * 86400000;
const t = async (label: string, f: () => Promise<unknown>) => { const t0 = performance.now(); const r = await f(); console.log(label, (performance.now() - t0).toFixed(0), "ms"); return r; };
for (let b = 0; b < 10; b++) { if (b === 9) continue;
  const samples = Array.from({ length: 100000 }, (_, i) => { const n = b * 100000 + i; return { at: Y + Math.floor(n * YMS / 1e6), value: 150 + (n % 997) / 3 + (Math.floor(n / 5000) % 40 === 0 ? 1500 : 0) }; });
  if (b === 9) {
    await t("digest", async () => measurementDigest({ clauseId: clause.id, idempotencyKey: "k", source: "api", measurements: { kind: "values", samples } }));
    await transaction(async (tx) => {
      const batch = await tx.slaMeasurementBatch.create({ data: { organisationId: owner.organisationId, clauseId: clause.id, source: "api", idempotencyKey: "p" + b, requestSha256: "0".repeat(64), actorKind: "user", count: 1 } });
      const occ0 = await t("occupied(before)", () => occupiedWindows(tx, clause.id, clause, samples));
      await t("insert samples", () => storeSamples(tx, { organisationId: owner.organisationId, clauseId: clause.id, batchId: batch.id }, { kind: "values", samples }));
      const occ = await t("occupied", () => occupiedWindows(tx, clause.id, clause, samples)) as Set<number>;
      await t("windows", () => refreshWindows(tx, clause.id, clause, samples, occ));
      await t("triggers", () => raiseTriggeredActions(tx, clause.id, { from: samples[0]!.at, to: samples.at(-1)!.at }));
    }, { timeout: 120000 });
  } else await t("ingest " + b, () => ingestMeasurements({ kind: "user", scope: owner }, { clauseId: clause.id, idempotencyKey: "bench-" + b, source: "api", measurements: { kind: "values", samples } }));
}
const span = periodSpan("2026", "UTC");
for (let r = 0; r < 3; r++) {
  const m = await t("read", () => readClauseMeasurements({ id: clause.id, terms: clause }, span, Date.parse("2027-01-15T00:00:00Z")));
  await t("evaluate", async () => evaluateClause({ id: clause.id, version: 1, terms: clause, periodKey: "2026", span, asOf: Date.parse("2027-01-15T00:00:00Z"), measurements: m as never }));
  const ws = await t("readWindows", () => readWindows(clause.id, { from: span.from - 300000, to: span.to })) as never;
  await t("periodPercentile", () => periodPercentile(clause.id, clause, span, Date.parse("2027-01-15T00:00:00Z"), ws));
  await t("string_agg only", () => prisma().$queryRawUnsafe(`SELECT length(string_agg(concat_ws(' ', (extract(epoch FROM "start") * 1000)::bigint, "value", "samples", "errors", "requests"), ',' ORDER BY "start")) FROM "SlaWindow" WHERE "clauseId"=$1`, clause.id));
  await t("count", () => prisma().$queryRawUnsafe(`SELECT count(*) FROM "SlaSample" WHERE "clauseId"=$1`, clause.id));
  await t("pct", () => prisma().$queryRawUnsafe(`SELECT percentile_disc(0.99) WITHIN GROUP (ORDER BY value) FROM "SlaSample" WHERE "clauseId"=$1`, clause.id));
}
await db.drop();
