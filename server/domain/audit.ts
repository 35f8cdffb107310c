import { createHash, createHmac } from "node:crypto";

// The audit trail is hash-chained per organisation: each event's hash covers the previous hash
// and a canonical serialisation of the event, so editing or deleting any event breaks the chain.
// Anyone who can write the database can recompute those hashes, so each event also carries a MAC
// keyed outside the database, and the newest MAC is kept outside it as the chain's head
// (docs/adr/0013-keyed-audit-chain.md).

export const GENESIS_HASH = "0".repeat(64);
/** the "previous MAC" of an organisation's first event */
export const GENESIS_MAC = "0".repeat(64);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEventContent {
  organisationId: string;
  seq: number;
  at: string;
  actorKind: "user" | "api_token" | "system";
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** the engagement the subject belongs to, when it belongs to one */
  engagementId?: string | null;
  /** the subject's relevant fields before and after the change */
  before?: JsonValue | null;
  after?: JsonValue | null;
  data: JsonValue;
}

const CONTENT_FIELDS = [
  "organisationId",
  "seq",
  "at",
  "actorKind",
  "actorId",
  "action",
  "entityType",
  "entityId",
  "engagementId",
  "before",
  "after",
  "data",
] as const;
const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(["engagementId", "before", "after"]);

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(",")}}`;
}

function hashableContent(event: AuditEventContent): Record<string, JsonValue> {
  const hashable: Record<string, JsonValue> = {};
  for (const field of CONTENT_FIELDS) {
    const value = event[field];
    // absent optional fields are left out, so events written before they existed still verify
    if (OPTIONAL_FIELDS.has(field) && (value === null || value === undefined)) continue;
    hashable[field] = value as JsonValue;
  }
  return hashable;
}

export function auditEventHash(prevHash: string, event: AuditEventContent): string {
  return createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(canonicalJson(hashableContent(event)))
    .digest("hex");
}

export interface StoredAuditEvent extends AuditEventContent {
  prevHash: string;
  hash: string;
}

/** HMAC-SHA-256 over the previous event's MAC and this event with its hashes. */
export function auditEventMac(key: string, prevMac: string, event: StoredAuditEvent): string {
  const body = canonicalJson({ ...hashableContent(event), prevHash: event.prevHash, hash: event.hash });
  return createHmac("sha256", key).update(prevMac).update("\n").update(body).digest("hex");
}

export interface KeyedAuditEvent extends StoredAuditEvent {
  /** null on events written before MACs existed, until they are sealed */
  mac: string | null;
}

/** The newest event of an organisation's chain as recorded outside the database. */
export interface AuditHead {
  organisationId: string;
  seq: number;
  mac: string;
}

/** brokenAtSeq is null when the fault is not one event's (e.g. no head was recorded). */
export type ChainCheck = { ok: true; events: number } | { ok: false; brokenAtSeq: number | null; reason: string };

/** Verifies an organisation's events in seq order: contiguous numbering, links and hashes. */
export function verifyAuditChain(events: readonly StoredAuditEvent[]): ChainCheck {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const event of events) {
    if (event.seq !== expectedSeq) return { ok: false, brokenAtSeq: event.seq, reason: `expected seq ${expectedSeq}` };
    if (event.prevHash !== prev) return { ok: false, brokenAtSeq: event.seq, reason: "previous hash does not match" };
    if (auditEventHash(prev, event) !== event.hash)
      return { ok: false, brokenAtSeq: event.seq, reason: "content was altered" };
    prev = event.hash;
    expectedSeq += 1;
  }
  return { ok: true, events: events.length };
}

/**
 * Verifies hashes and MACs in seq order, naming the first missing or bad event; with a head, also
 * that the chain ends exactly there (events deleted from the end leave the head pointing past it).
 */
export function verifyKeyedAuditChain(
  events: readonly KeyedAuditEvent[],
  key: string,
  head?: Pick<AuditHead, "seq" | "mac">,
): ChainCheck {
  let prevHash = GENESIS_HASH;
  let prevMac = GENESIS_MAC;
  let expectedSeq = 1;
  const fail = (brokenAtSeq: number, reason: string): ChainCheck => ({ ok: false, brokenAtSeq, reason });
  for (const event of events) {
    if (event.seq > expectedSeq) return fail(expectedSeq, `missing (the next event is #${event.seq})`);
    if (event.seq !== expectedSeq) return fail(event.seq, `expected seq ${expectedSeq}`);
    if (event.prevHash !== prevHash) return fail(event.seq, "previous hash does not match");
    if (auditEventHash(prevHash, event) !== event.hash) return fail(event.seq, "content was altered");
    if (event.mac === null) return fail(event.seq, "no MAC (never sealed, or its MAC was removed)");
    if (auditEventMac(key, prevMac, event) !== event.mac)
      return fail(event.seq, "MAC does not match: altered and re-hashed, or another key");
    if (head && event.seq === head.seq && event.mac !== head.mac)
      return fail(event.seq, "MAC differs from the recorded head");
    if (head && event.seq > head.seq) return fail(event.seq, `past the recorded head #${head.seq}`);
    prevHash = event.hash;
    prevMac = event.mac;
    expectedSeq += 1;
  }
  if (head && expectedSeq <= head.seq)
    return fail(expectedSeq, `missing: the chain ends at #${expectedSeq - 1}, its recorded head is #${head.seq}`);
  return { ok: true, events: events.length };
}

/** A head as stored (JSON), read back; null when the bytes are not a head of this organisation. */
export function parseAuditHead(text: string, organisationId: string): AuditHead | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { organisationId: org, seq, mac } = value as Record<string, unknown>;
  if (org !== organisationId || !Number.isSafeInteger(seq) || (seq as number) < 1) return null;
  if (typeof mac !== "string" || !/^[0-9a-f]{64}$/.test(mac)) return null;
  return { organisationId, seq: seq as number, mac };
}

export function serializeAuditHead(head: AuditHead): string {
  return JSON.stringify({ organisationId: head.organisationId, seq: head.seq, mac: head.mac });
}
