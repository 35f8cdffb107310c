import { createHash } from "node:crypto";
import type { ActorKind } from "@prisma/client";
import { measurementExtent, measurementKindOf, type ParsedMeasurements } from "../../domain/sla/measurements";
import type { Span } from "../../domain/sla/report";
import { isWindowed, type SlaMetric } from "../../domain/sla/terms";
import { MINUTE_MS, windowStart } from "../../domain/sla/windows";
import { appendAuditEvent } from "../audit/chain";
import { IdempotencyMismatch, isUniqueViolation } from "../idempotency";
import { prisma, transaction, type Tx } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import { lockOrganisationRow } from "../row-lock";
import type { OrgScope, TokenScope } from "../scope";
import { storeSamples } from "./sample-sql";
import { raiseTriggeredActions } from "./triggers";
import { occupiedWindows, refreshWindows } from "./window-refresh";
import { storeWindowAggregates, type WindowTerms } from "./window-sql";

// Measurements are stored in one transaction per posting: the batch row (its idempotency key and
// the digest of what was posted), the samples by bulk SQL, the window cache of every window the
// batch touched, the trigger episodes those windows show, and the audit event. A replay of the
// key answers the first answer and changes nothing.

export type MeasurementActor =
  | { kind: "user"; scope: OrgScope }
  | { kind: "api_token"; scope: TokenScope }
  | { kind: "system"; organisationId: string };

export interface IngestRequest {
  clauseId: string;
  idempotencyKey: string;
  source: "api" | "csv" | "k6" | "probe";
  measurements: ParsedMeasurements;
}

export interface IngestResult {
  batchId: string;
  clauseId: string;
  accepted: number;
  firstAt: string | null;
  lastAt: string | null;
  replayed: boolean;
}

export class MeasurementRefusal extends DataRefusal<"CLAUSE_RETIRED" | "UNPROCESSABLE"> {
  override name = "MeasurementRefusal";
}

const organisationOf = (actor: MeasurementActor) =>
  actor.kind === "system" ? actor.organisationId : actor.scope.organisationId;

function actorColumns(actor: MeasurementActor): { actorKind: ActorKind; actorId: string | null } {
  if (actor.kind === "user") return { actorKind: "user", actorId: actor.scope.userId };
  if (actor.kind === "api_token") return { actorKind: "api_token", actorId: actor.scope.tokenId };
  return { actorKind: "system", actorId: null };
}

export interface MeasuredClause extends WindowTerms {
  id: string;
  organisationId: string;
  engagementId: string;
  retiredAt: Date | null;
}

/**
 * The clause a posting is for, as the actor may reach it: a token only its engagement's clauses; anything else is
 * NotFound.
 */
export async function clauseForMeasurements(
  actor: MeasurementActor,
  clauseId: string,
  client: Pick<Tx, "slaClause"> = prisma(),
): Promise<MeasuredClause> {
  const row = await client.slaClause.findFirst({
    where: {
      id: clauseId,
      organisationId: organisationOf(actor),
      ...(actor.kind === "api_token" ? { engagementId: actor.scope.engagementId } : {}),
    },
    select: {
      id: true,
      organisationId: true,
      engagementId: true,
      retiredAt: true,
      metric: true,
      percentile: true,
      windowMinutes: true,
    },
  });
  if (!row) throw new NotFound("SLA clause");
  return {
    ...row,
    metric: row.metric as SlaMetric,
    percentile: row.percentile === null ? null : Number(row.percentile),
  };
}

/** SHA-256 of what was posted, in a canonical text (a replay must post the same items in the same order). */
export function measurementDigest(request: IngestRequest): string {
  const m = request.measurements;
  const columns: (string | number)[][] =
    m.kind === "values"
      ? [m.samples.map((s) => s.at), m.samples.map((s) => s.value)]
      : m.kind === "error_rate"
        ? [m.samples.map((s) => s.at), m.samples.map((s) => s.errors), m.samples.map((s) => s.requests)]
        : m.kind === "downtime"
          ? [m.downtime.map((d) => d.from), m.downtime.map((d) => d.to)]
          : [m.checks.map((c) => JSON.stringify([c.at, c.expected, c.observed]))];
  const hash = createHash("sha256").update(`${request.clauseId}\n${request.source}\n${m.kind}\n`);
  for (const column of columns) hash.update(`${column.join(",")}\n`);
  return hash.digest("hex");
}

type BatchRow = {
  id: string;
  clauseId: string;
  requestSha256: string;
  count: number;
  firstAt: Date | null;
  lastAt: Date | null;
};

function replayOf(batch: BatchRow, digest: string): IngestResult {
  if (batch.requestSha256 !== digest) throw new IdempotencyMismatch();
  return {
    batchId: batch.id,
    clauseId: batch.clauseId,
    accepted: batch.count,
    firstAt: batch.firstAt?.toISOString() ?? null,
    lastAt: batch.lastAt?.toISOString() ?? null,
    replayed: true,
  };
}

/** Keys belong to their clause: one engagement's pipeline can neither see nor block another's. */
const findBatch = (client: Pick<Tx, "slaMeasurementBatch">, clauseId: string, idempotencyKey: string) =>
  client.slaMeasurementBatch.findUnique({ where: { clauseId_idempotencyKey: { clauseId, idempotencyKey } } });

/** The independent probe's keys: nobody else may take one and so silence a probe slot. */
const PROBE_KEY_PREFIX = "probe:";

/** Stores one posting of measurements for a clause (see the module comment); replays answer the first answer. */
export async function ingestMeasurements(actor: MeasurementActor, request: IngestRequest): Promise<IngestResult> {
  const digest = measurementDigest(request);
  try {
    // 100,000 samples and their windows take seconds on PGlite; the default 15 s would be tight
    return await transaction((tx) => ingestIn(tx, actor, request, digest), { timeout: 120_000 });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // a concurrent posting with the same key won: answer as it did
    const raced = await findBatch(prisma(), request.clauseId, request.idempotencyKey);
    if (!raced) throw error;
    return replayOf(raced, digest);
  }
}

async function ingestIn(tx: Tx, actor: MeasurementActor, request: IngestRequest, digest: string) {
  const organisationId = organisationOf(actor);
  const clause = await clauseForMeasurements(actor, request.clauseId, tx);
  // postings to one clause refresh its windows one after the other
  await lockOrganisationRow(tx, "SlaClause", clause.id, organisationId);
  if ((request.source === "probe") !== request.idempotencyKey.startsWith(PROBE_KEY_PREFIX))
    throw new MeasurementRefusal("UNPROCESSABLE", [
      `idempotency keys starting with "${PROBE_KEY_PREFIX}" are the independent probe's, and only its`,
    ]);
  const earlier = await findBatch(tx, clause.id, request.idempotencyKey);
  if (earlier) return replayOf(earlier, digest);
  if (clause.retiredAt)
    throw new MeasurementRefusal("CLAUSE_RETIRED", ["the SLA clause is retired: it takes no more measurements"]);
  const expected = measurementKindOf(clause.metric);
  if (request.measurements.kind !== expected)
    throw new MeasurementRefusal("UNPROCESSABLE", [
      `a ${clause.metric} clause is measured by ${expected} measurements, not ${request.measurements.kind}`,
    ]);
  const { count, span } = measurementExtent(request.measurements);
  const batch = await tx.slaMeasurementBatch.create({
    data: {
      organisationId,
      clauseId: clause.id,
      source: request.source,
      idempotencyKey: request.idempotencyKey,
      requestSha256: digest,
      ...actorColumns(actor),
      count,
      firstAt: span ? new Date(span.from) : null,
      lastAt: span ? new Date(span.to) : null,
    },
  });
  const m = request.measurements;
  const windowed = span && isWindowed(clause.metric) && (m.kind === "values" || m.kind === "error_rate") ? m : null;
  const occupied = windowed ? await occupiedWindows(tx, clause.id, clause, windowed.samples) : null;
  await storeSamples(tx, { organisationId, clauseId: clause.id, batchId: batch.id }, m);
  if (windowed && occupied && span) {
    await refreshWindows(tx, clause.id, clause, windowed.samples, occupied);
    await raiseTriggeredActions(tx, clause.id, windowedSpan(span, clause.windowMinutes!));
  }
  const result: IngestResult = {
    batchId: batch.id,
    clauseId: clause.id,
    accepted: count,
    firstAt: batch.firstAt?.toISOString() ?? null,
    lastAt: batch.lastAt?.toISOString() ?? null,
    replayed: false,
  };
  await appendAuditEvent(tx, {
    organisationId,
    ...actorColumns(actor),
    action: "sla.measurements_recorded",
    entityType: "sla_clause",
    entityId: clause.id,
    engagementId: clause.engagementId,
    data: { batchId: batch.id, source: request.source, count, firstAt: result.firstAt, lastAt: result.lastAt },
  });
  return result;
}

/** From the first sample's window start to the last sample's window end. */
function windowedSpan(span: Span, windowMinutes: number): Span {
  return {
    from: windowStart(span.from, windowMinutes),
    to: windowStart(span.to, windowMinutes) + windowMinutes * MINUTE_MS,
  };
}

/**
 * Recomputes a clause's whole window cache from its samples: after an edit that changes how windows are cut or
 * valued (windowMinutes, percentile, metric).
 */
export async function rebuildWindows(tx: Tx, clauseId: string, terms: WindowTerms): Promise<void> {
  await tx.slaWindow.deleteMany({ where: { clauseId } });
  if (!isWindowed(terms.metric) || terms.windowMinutes === null) return;
  await storeWindowAggregates(tx, clauseId, terms, { kind: "all" });
}
