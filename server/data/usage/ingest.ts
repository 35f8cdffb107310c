import { checkUsageBatch, keysNamed, MAX_EVENTS_PER_BATCH, type CheckedEvent } from "../../domain/usage/events";
import { appendAuditEvent } from "../audit/chain";
import { transaction, type Tx } from "../prisma-client";
import { DataRefusal } from "../refusal";
import type { TokenScope } from "../scope";

// A batch of usage events goes in all or nothing, in one transaction: the token's engagement's
// meters, the domain's batch check, then one statement that inserts the new events (a key seen
// before is skipped by the primary key) and adds exactly those it inserted to the hourly rollups,
// so a replay never counts twice, even when two posts of one key race.

export type IngestAnswer =
  { ok: true; accepted: number; replayed: number } | { ok: false; index: number; reasons: string[] };

// The events travel as one array parameter per column, each as text (numbers comma-joined, free
// text as an array literal), so 10,000 rows are one statement on PGlite and PostgreSQL alike
// (twice as fast to parse as one JSON parameter). Timestamps stay in UTC (timestamp arithmetic, not
// the session's zone); hours are UTC hours, the period the one the check computed in the meter's zone.
const STORE_SQL = `
WITH input AS (
  SELECT e.k, e.m, e.q, e.tn, e.p, timestamp '1970-01-01 00:00:00' + e.at * interval '1 millisecond' AS at
  FROM unnest($2::text[], $3::text[], string_to_array($4, ',')::bigint[], string_to_array($5, ',')::bigint[],
              $6::text[], $7::text[]) AS e(k, m, at, q, tn, p)
), stored AS (
  INSERT INTO "UsageEvent" ("engagementId", "idempotencyKey", "meterId", "at", "quantity", "tenant")
  SELECT $1, input.k, input.m, input.at, input.q, input.tn FROM input
  ON CONFLICT ("engagementId", "idempotencyKey") DO NOTHING
  RETURNING "idempotencyKey", "meterId", "at", "quantity", "tenant"
), rolled AS (
  INSERT INTO "UsageRollup" ("meterId", "period", "hour", "tenant", "quantity", "events")
  SELECT stored."meterId", input.p, date_trunc('hour', stored."at"), stored."tenant", SUM(stored."quantity"), COUNT(*)
  FROM stored JOIN input ON input.k = stored."idempotencyKey"
  GROUP BY stored."meterId", input.p, date_trunc('hour', stored."at"), stored."tenant"
  ON CONFLICT ("meterId", "period", "hour", "tenant") DO UPDATE
    SET "quantity" = "UsageRollup"."quantity" + EXCLUDED."quantity", "events" = "UsageRollup"."events" + EXCLUDED."events"
  RETURNING 1
)
SELECT (SELECT COUNT(*) FROM stored)::int AS accepted, (SELECT COUNT(*) FROM rolled)::int AS rollups`;

/** A PostgreSQL array literal of texts, each quoted (keys and tenants may hold commas, quotes, braces). */
function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

/** The first event of each key; the later ones in the batch are replays of it. */
function firstOfEachKey(events: readonly CheckedEvent[]): CheckedEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    if (seen.has(event.idempotencyKey)) return false;
    seen.add(event.idempotencyKey);
    return true;
  });
}

/**
 * Stores checked events of one engagement and adds them to the rollups, inside the caller's
 * transaction. Keys seen before, or earlier in the same batch, are replays: skipped and counted.
 */
export async function storeUsageEvents(
  tx: Tx,
  engagementId: string,
  events: readonly CheckedEvent[],
): Promise<{ accepted: number; replayed: number }> {
  const unique = firstOfEachKey(events);
  if (unique.length === 0) return { accepted: 0, replayed: events.length };
  const [result] = await tx.$queryRawUnsafe<{ accepted: number }[]>(
    STORE_SQL,
    engagementId,
    textArray(unique.map((event) => event.idempotencyKey)),
    textArray(unique.map((event) => event.meterId)),
    unique.map((event) => event.atMs).join(","),
    unique.map((event) => event.quantity).join(","),
    textArray(unique.map((event) => event.tenant)),
    textArray(unique.map((event) => event.period)),
  );
  const accepted = result?.accepted ?? 0;
  return { accepted, replayed: events.length - accepted };
}

/** storeUsageEvents in a transaction of its own (the demo's generated usage, checked by its maker). */
export function storeUsageEventsFor(
  engagementId: string,
  events: readonly CheckedEvent[],
): Promise<{ accepted: number; replayed: number }> {
  return transaction((tx) => storeUsageEvents(tx, engagementId, events), { timeout: 60_000 });
}

async function storedKeys(tx: Tx, engagementId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.$queryRawUnsafe<{ idempotencyKey: string }[]>(
    `SELECT "idempotencyKey" FROM "UsageEvent" WHERE "engagementId" = $1 AND "idempotencyKey" = ANY($2::text[])`,
    engagementId,
    textArray(keys),
  );
  return new Set(rows.map((row) => row.idempotencyKey));
}

/** Records a batch posted with an engagement's API token (see the module comment). */
export async function ingestUsage(
  scope: TokenScope,
  events: readonly unknown[],
  now: Date = new Date(),
): Promise<IngestAnswer> {
  if (events.length > MAX_EVENTS_PER_BATCH)
    throw new DataRefusal("PAYLOAD_TOO_LARGE", [`at most ${MAX_EVENTS_PER_BATCH} events per request`]);
  // 10,000 events take a few seconds on PGlite; the default 15 s would be tight on a busy machine
  return transaction(
    async (tx) => {
      const meters = await tx.meter.findMany({
        where: { organisationId: scope.organisationId, engagementId: scope.engagementId },
        select: { id: true, meter: true, timezone: true, activeFrom: true },
      });
      const forIngest = meters.map((meter) => ({ ...meter, activeFromMs: meter.activeFrom.getTime() }));
      let check = checkUsageBatch(events, forIngest, now.getTime());
      // only a refused batch asks which keys were stored before: a re-sent batch whose period has
      // closed since is a replay, not a refusal (the happy path skips the lookup)
      if (!check.ok) {
        const stored = await storedKeys(tx, scope.engagementId, keysNamed(events));
        if (stored.size > 0) check = checkUsageBatch(events, forIngest, now.getTime(), stored);
      }
      if (!check.ok) return check;
      const written = await storeUsageEvents(tx, scope.engagementId, check.events);
      const accepted = written.accepted;
      const replayed = written.replayed + check.replays;
      // a batch of replays changes nothing, so it leaves no trace in the audit trail
      if (accepted > 0)
        await appendAuditEvent(tx, {
          organisationId: scope.organisationId,
          actorKind: "api_token",
          actorId: scope.tokenId,
          action: "usage.recorded",
          entityType: "engagement",
          entityId: scope.engagementId,
          engagementId: scope.engagementId,
          data: { accepted, replayed },
        });
      return { ok: true as const, accepted, replayed };
    },
    { timeout: 60_000 },
  );
}
