import { createHash } from "node:crypto";

// The audit trail is hash-chained per organisation: each event's hash covers the previous hash
// and a canonical serialisation of the event, so editing or deleting any event breaks the chain.

export const GENESIS_HASH = "0".repeat(64);

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

const OPTIONAL_FIELDS = ["engagementId", "before", "after"] as const;

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(",")}}`;
}

export function auditEventHash(prevHash: string, event: AuditEventContent): string {
  // absent optional fields are left out, so events written before they existed still verify
  const hashable: Record<string, JsonValue> = { ...(event as unknown as Record<string, JsonValue>) };
  for (const field of OPTIONAL_FIELDS) if (hashable[field] === null || hashable[field] === undefined) delete hashable[field];
  const body = canonicalJson(hashable);
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

export interface StoredAuditEvent extends AuditEventContent {
  prevHash: string;
  hash: string;
}

export type ChainCheck = { ok: true; events: number } | { ok: false; brokenAtSeq: number; reason: string };

/** Verifies an organisation's events in seq order: contiguous numbering, links and hashes. */
export function verifyAuditChain(events: readonly StoredAuditEvent[]): ChainCheck {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const event of events) {
    if (event.seq !== expectedSeq) return { ok: false, brokenAtSeq: event.seq, reason: `expected seq ${expectedSeq}` };
    if (event.prevHash !== prev) return { ok: false, brokenAtSeq: event.seq, reason: "previous hash does not match" };
    const { prevHash: _prev, hash, ...content } = event;
    if (auditEventHash(prev, content) !== hash) return { ok: false, brokenAtSeq: event.seq, reason: "content was altered" };
    prev = hash;
    expectedSeq += 1;
  }
  return { ok: true, events: events.length };
}
