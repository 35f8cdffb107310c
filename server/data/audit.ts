import { type Prisma } from "@prisma/client";
import { auditEventHash, GENESIS_HASH, type AuditEventContent, type JsonValue, type StoredAuditEvent } from "../domain/audit";
import { prisma, type Tx } from "./client";

export interface AuditInput {
  organisationId: string;
  actorKind: AuditEventContent["actorKind"];
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: JsonValue;
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
    data: input.data ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({
    data: {
      ...content,
      at: new Date(content.at),
      data: content.data as Prisma.InputJsonValue,
      prevHash,
      hash: auditEventHash(prevHash, content),
    },
  });
}

export async function loadAuditChain(organisationId: string): Promise<StoredAuditEvent[]> {
  const rows = await prisma().auditEvent.findMany({ where: { organisationId }, orderBy: { seq: "asc" } });
  return rows.map((row) => ({
    organisationId: row.organisationId,
    seq: row.seq,
    at: row.at.toISOString(),
    actorKind: row.actorKind,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data as JsonValue,
    prevHash: row.prevHash,
    hash: row.hash,
  }));
}
