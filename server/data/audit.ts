import { Prisma } from "@prisma/client";
import { auditEventHash, GENESIS_HASH, verifyAuditChain, type AuditEventContent, type JsonValue, type StoredAuditEvent } from "../domain/audit";
import { prisma, type Tx } from "./client";

/** An event as a writer states it; the chain adds seq, time and hashes. */
export type AuditInput = Omit<AuditEventContent, "seq" | "at" | "data"> & { data?: JsonValue };

type AuditRow = Prisma.AuditEventGetPayload<Record<string, never>>;

function toStoredEvent(row: AuditRow): StoredAuditEvent {
  return {
    organisationId: row.organisationId,
    seq: row.seq,
    at: row.at.toISOString(),
    actorKind: row.actorKind,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    engagementId: row.engagementId,
    before: row.before as JsonValue | null,
    after: row.after as JsonValue | null,
    data: row.data as JsonValue,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/**
 * Appends to the organisation's hash chain inside the caller's transaction. The organisation row
 * is locked first so concurrent writers of one tenant take consecutive sequence numbers.
 */
export async function appendAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${input.organisationId} FOR UPDATE`;
  const last = await tx.auditEvent.findFirst({
    where: { organisationId: input.organisationId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const content: AuditEventContent = {
    organisationId: input.organisationId,
    seq: (last?.seq ?? 0) + 1,
    // millisecond precision survives the database round trip, so the hash can be re-checked
    at: new Date().toISOString(),
    actorKind: input.actorKind,
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    engagementId: input.engagementId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    data: input.data ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({
    data: {
      ...content,
      at: new Date(content.at),
      data: content.data as Prisma.InputJsonValue,
      before: content.before === null ? Prisma.DbNull : (content.before as Prisma.InputJsonValue),
      after: content.after === null ? Prisma.DbNull : (content.after as Prisma.InputJsonValue),
      prevHash,
      hash: auditEventHash(prevHash, content),
    },
  });
}

/** An event whose actor is the signed-in user of `scope`, in the caller's transaction. */
export function appendUserAuditEvent(tx: Tx, scope: { organisationId: string; userId: string }, event: Omit<AuditInput, "organisationId" | "actorKind" | "actorId">): Promise<void> {
  return appendAuditEvent(tx, { organisationId: scope.organisationId, actorKind: "user", actorId: scope.userId, ...event });
}

export async function loadAuditChain(organisationId: string): Promise<StoredAuditEvent[]> {
  const rows = await prisma().auditEvent.findMany({ where: { organisationId }, orderBy: { seq: "asc" } });
  return rows.map(toStoredEvent);
}

export interface AuditLogEntry {
  seq: number;
  at: string;
  actorKind: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: JsonValue | null;
  after: JsonValue | null;
  data: JsonValue;
  hash: string;
}

/** An engagement's audit log, newest first, with actor names resolved within the tenant. */
export async function listEngagementAudit(organisationId: string, engagementId: string, limit = 200): Promise<AuditLogEntry[]> {
  const rows = await prisma().auditEvent.findMany({
    where: { organisationId, engagementId },
    orderBy: { seq: "desc" },
    take: limit,
  });
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
  const actors = await prisma().user.findMany({ where: { organisationId, id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  return rows.map((row) => {
    const event = toStoredEvent(row);
    return {
      seq: event.seq,
      at: event.at,
      actorKind: event.actorKind,
      actorName: event.actorId ? (names.get(event.actorId) ?? null) : null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before ?? null,
      after: event.after ?? null,
      data: event.data,
      hash: event.hash,
    };
  });
}

/** Walks every organisation's chain (the `npm run audit:verify` command). */
export async function verifyAllAuditChains() {
  const organisations = await prisma().organisation.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "asc" } });
  const reports = [];
  for (const organisation of organisations) {
    reports.push({ ...organisation, result: verifyAuditChain(await loadAuditChain(organisation.id)) });
  }
  return reports;
}
