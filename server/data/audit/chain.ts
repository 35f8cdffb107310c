import { Prisma } from "@prisma/client";
import { auditKey, existingAuditKey } from "../../audit-key";
import {
  auditEventHash,
  auditEventMac,
  GENESIS_HASH,
  GENESIS_MAC,
  parseAuditHead,
  serializeAuditHead,
  verifyAuditChain,
  verifyKeyedAuditChain,
  type AuditEventContent,
  type AuditHead,
  type ChainCheck,
  type JsonValue,
  type KeyedAuditEvent,
} from "../../domain/audit";
import { blobStore } from "../../services/storage/blob-store";
import { beforeCommit, prisma, transaction, type Tx } from "../prisma-client";

// Each event carries a hash and a MAC; the newest MAC of each organisation (its head) is kept in
// the blob store, outside the database (docs/adr/0013-keyed-audit-chain.md).

/** An event as a writer states it; the chain adds seq, time, hashes and MAC. */
export type AuditInput = Omit<AuditEventContent, "seq" | "at" | "data"> & { data?: JsonValue };

type AuditRow = Prisma.AuditEventGetPayload<Record<string, never>>;
type ChainEnd = { seq: number; hash: string; mac: string | null };

/** The chain cannot be extended or sealed as it stands (see `npm run audit:verify`). */
export class AuditChainError extends Error {
  override name = "AuditChainError";
}

function toStoredEvent(row: AuditRow): KeyedAuditEvent {
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
    mac: row.mac,
  };
}

const headRecord = (organisationId: string) => `audit-heads/${organisationId}.json`;

async function lockOrganisation(tx: Tx, organisationId: string, mode: "UPDATE" | "SHARE"): Promise<void> {
  if (mode === "UPDATE") await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
  else await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR SHARE`;
}

/**
 * Moves the organisation's head to `head` just before `tx` commits, while the organisation row is
 * still locked, so heads follow commits in order; puts the old head back if the commit fails and
 * no later writer has moved it since.
 */
function advanceHeadOnCommit(tx: Tx, head: AuditHead): void {
  const name = headRecord(head.organisationId);
  const ours = new TextEncoder().encode(serializeAuditHead(head));
  let previous: Uint8Array | null = null;
  beforeCommit(tx, name, {
    async apply() {
      previous = await blobStore().readRecord(name);
      await blobStore().writeRecord(name, ours);
    },
    async undo() {
      const current = await blobStore().readRecord(name);
      if (!current || Buffer.compare(current, ours) !== 0) return;
      if (previous) await blobStore().writeRecord(name, previous);
      else await blobStore().deleteRecord(name);
    },
  });
}

/**
 * Appends to the organisation's chain inside the caller's transaction. The organisation row is
 * locked first so concurrent writers of one tenant take consecutive sequence numbers.
 */
export async function appendAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  await lockOrganisation(tx, input.organisationId, "UPDATE");
  let last: ChainEnd | null = await tx.auditEvent.findFirst({
    where: { organisationId: input.organisationId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true, mac: true },
  });
  // events written before MACs existed; start-up normally seals them first
  if (last && last.mac === null) last = (await sealChain(tx, input.organisationId)).last;
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
  const hash = auditEventHash(prevHash, content);
  const mac = auditEventMac(auditKey(), last?.mac ?? GENESIS_MAC, { ...content, prevHash, hash });
  advanceHeadOnCommit(tx, { organisationId: input.organisationId, seq: content.seq, mac });
  await tx.auditEvent.create({
    data: {
      ...content,
      at: new Date(content.at),
      data: content.data as Prisma.InputJsonValue,
      before: content.before === null ? Prisma.DbNull : (content.before as Prisma.InputJsonValue),
      after: content.after === null ? Prisma.DbNull : (content.after as Prisma.InputJsonValue),
      prevHash,
      hash,
      mac,
    },
  });
}

/** An event whose actor is the signed-in user of `scope`, in the caller's transaction. */
export function appendUserAuditEvent(
  tx: Tx,
  scope: { organisationId: string; userId: string },
  event: Omit<AuditInput, "organisationId" | "actorKind" | "actorId">,
): Promise<void> {
  return appendAuditEvent(tx, {
    organisationId: scope.organisationId,
    actorKind: "user",
    actorId: scope.userId,
    ...event,
  });
}

/**
 * MACs the events of an organisation written before MACs existed (its row locked) and records its
 * head. Only a chain that was never keyed is sealed: events without a MAC after keyed ones, or
 * beside a recorded head, are what someone stripping MACs would leave, and sealing would bless them.
 */
async function sealChain(tx: Tx, organisationId: string): Promise<{ sealed: number; last: ChainEnd | null }> {
  const rows = await tx.auditEvent.findMany({ where: { organisationId }, orderBy: { seq: "asc" } });
  const events = rows.map(toStoredEvent);
  const last = events.at(-1);
  if (!last || last.mac !== null) return { sealed: 0, last: last ?? null };
  const refuse = (why: string) =>
    new AuditChainError(`the audit chain of organisation ${organisationId} cannot be sealed: ${why}`);
  if (events.some((event) => event.mac !== null)) throw refuse("some of its events already have a MAC");
  if (await blobStore().readRecord(headRecord(organisationId))) throw refuse("it already has a recorded head");
  const hashes = verifyAuditChain(events);
  if (!hashes.ok) throw refuse(`event #${hashes.brokenAtSeq}: ${hashes.reason}`);
  const key = auditKey();
  const sealed: { id: string; mac: string }[] = [];
  let prevMac = GENESIS_MAC;
  events.forEach((event, i) => {
    prevMac = auditEventMac(key, prevMac, event);
    sealed.push({ id: rows[i]!.id, mac: prevMac });
  });
  // a few statements rather than one per event: a long history is sealed in one start-up
  for (let from = 0; from < sealed.length; from += 500) {
    const values = Prisma.join(sealed.slice(from, from + 500).map((row) => Prisma.sql`(${row.id}, ${row.mac})`));
    await tx.$executeRaw`UPDATE "AuditEvent" AS e SET "mac" = v.mac
      FROM (VALUES ${values}) AS v(id, mac) WHERE e.id = v.id`;
  }
  advanceHeadOnCommit(tx, { organisationId, seq: last.seq, mac: prevMac });
  return { sealed: events.length, last: { seq: last.seq, hash: last.hash, mac: prevMac } };
}

export interface AuditSealReport {
  sealed: { organisationId: string; events: number }[];
  /** chains left as they are; `npm run audit:verify` names what is wrong with them */
  refused: { organisationId: string; reason: string }[];
}

/**
 * Seals the events written before MACs existed, one organisation per transaction (run at start).
 * One query when there is nothing to seal.
 */
export async function sealLegacyAuditEvents(): Promise<AuditSealReport> {
  const pending = await prisma().$queryRaw<
    { organisationId: string }[]
  >`SELECT DISTINCT "organisationId" FROM "AuditEvent" WHERE "mac" IS NULL`;
  const report: AuditSealReport = { sealed: [], refused: [] };
  for (const { organisationId } of pending) {
    try {
      const { sealed } = await transaction(
        async (tx) => {
          await lockOrganisation(tx, organisationId, "UPDATE");
          return sealChain(tx, organisationId);
        },
        { timeout: 120_000 },
      );
      if (sealed > 0) report.sealed.push({ organisationId, events: sealed });
    } catch (error) {
      if (!(error instanceof AuditChainError)) throw error;
      report.refused.push({ organisationId, reason: error.message });
    }
  }
  return report;
}

export async function loadAuditChain(organisationId: string): Promise<KeyedAuditEvent[]> {
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
export async function listEngagementAudit(
  organisationId: string,
  engagementId: string,
  limit = 200,
): Promise<AuditLogEntry[]> {
  const rows = await prisma().auditEvent.findMany({
    where: { organisationId, engagementId },
    orderBy: { seq: "desc" },
    take: limit,
  });
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
  const actors = await prisma().user.findMany({
    where: { organisationId, id: { in: actorIds } },
    select: { id: true, name: true },
  });
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

export interface AuditChainReport {
  id: string;
  name: string;
  result: ChainCheck;
}

/** Checks one organisation's hashes, MACs and head. */
async function verifyOrganisationChain(organisationId: string, key: string | null): Promise<ChainCheck> {
  // appenders hold the organisation row from reading the chain's end until commit, and move the
  // head in between: sharing that lock reads events and head as of the same commit
  const { events, headBytes } = await transaction(
    async (tx) => {
      await lockOrganisation(tx, organisationId, "SHARE");
      const rows = await tx.auditEvent.findMany({ where: { organisationId }, orderBy: { seq: "asc" } });
      return { events: rows.map(toStoredEvent), headBytes: await blobStore().readRecord(headRecord(organisationId)) };
    },
    { timeout: 120_000 },
  );
  const head = headBytes && parseAuditHead(Buffer.from(headBytes).toString("utf8"), organisationId);
  if (headBytes && !head)
    return { ok: false, brokenAtSeq: null, reason: "its head record in the blob store is unreadable" };
  if (events.length === 0 && !head) return { ok: true, events: 0 };
  if (!key)
    return {
      ok: false,
      brokenAtSeq: null,
      reason: "no audit key to check the MACs with (AUDIT_KEY, or DATA_DIR/audit-key)",
    };
  const result = verifyKeyedAuditChain(events, key, head ?? undefined);
  if (result.ok && !head)
    return {
      ok: false,
      brokenAtSeq: null,
      reason: "no head record in the blob store, so deleted newest events would go unnoticed",
    };
  return result;
}

/** Walks every organisation's chain (the `npm run audit:verify` command). */
export async function verifyAllAuditChains(key: string | null = existingAuditKey()): Promise<AuditChainReport[]> {
  const organisations = await prisma().organisation.findMany({
    select: { id: true, name: true },
    orderBy: { createdAt: "asc" },
  });
  const reports: AuditChainReport[] = [];
  for (const organisation of organisations) {
    reports.push({ ...organisation, result: await verifyOrganisationChain(organisation.id, key) });
  }
  return reports;
}
