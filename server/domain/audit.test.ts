import { describe, expect, it } from "vitest";
import {
  auditEventHash,
  auditEventMac,
  canonicalJson,
  GENESIS_HASH,
  GENESIS_MAC,
  parseAuditHead,
  serializeAuditHead,
  verifyAuditChain,
  verifyKeyedAuditChain,
  type AuditEventContent,
  type KeyedAuditEvent,
  type StoredAuditEvent,
} from "./audit";

const KEY = "k".repeat(43);

function content(seq: number): AuditEventContent {
  return {
    organisationId: "org1",
    seq,
    at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
    actorKind: "user",
    actorId: "u1",
    action: "milestone.transition",
    entityType: "milestone",
    entityId: `m${seq}`,
    data: { to: "approved", amountMinor: 15_000_000 * seq },
  };
}

function chain(count: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const hash = auditEventHash(prev, content(seq));
    events.push({ ...content(seq), prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

function keyedChain(count: number, key = KEY): KeyedAuditEvent[] {
  let prevMac = GENESIS_MAC;
  return chain(count).map((event) => {
    const mac = auditEventMac(key, prevMac, event);
    prevMac = mac;
    return { ...event, mac };
  });
}

/** What someone with database access but not the key can do: edit, then recompute every hash after. */
function rehashFrom(events: KeyedAuditEvent[]): KeyedAuditEvent[] {
  let prev = GENESIS_HASH;
  return events.map((event) => {
    const hash = auditEventHash(prev, event);
    const rehashed = { ...event, prevHash: prev, hash };
    prev = hash;
    return rehashed;
  });
}

describe("audit hash chain", () => {
  it("serialises objects canonically whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":1,"f":2}]},"b":1}',
    );
  });

  it("verifies an untouched chain", () => {
    expect(verifyAuditChain(chain(5))).toEqual({ ok: true, events: 5 });
  });

  it("detects an edited event", () => {
    const events = chain(4);
    events[2] = { ...events[2]!, data: { to: "paid" } };
    expect(verifyAuditChain(events)).toEqual({ ok: false, brokenAtSeq: 3, reason: "content was altered" });
  });

  it("detects a deleted event", () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(verifyAuditChain(events)).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });

  it("detects a rewritten tail whose link no longer matches", () => {
    const events = chain(3);
    events[2] = { ...events[2]!, prevHash: GENESIS_HASH };
    expect(verifyAuditChain(events)).toEqual({ ok: false, brokenAtSeq: 3, reason: "previous hash does not match" });
  });

  it("hashes the event's content only, so a stored MAC does not change its hash", () => {
    const [event] = keyedChain(1);
    expect(verifyAuditChain([event!])).toEqual({ ok: true, events: 1 });
  });
});

describe("keyed audit chain", () => {
  it("verifies an untouched chain up to its head", () => {
    const events = keyedChain(5);
    expect(verifyKeyedAuditChain(events, KEY, { seq: 5, mac: events[4]!.mac! })).toEqual({ ok: true, events: 5 });
    expect(verifyKeyedAuditChain(events, KEY)).toEqual({ ok: true, events: 5 });
  });

  it("chains each MAC to the previous one and to the event's hash", () => {
    const [first, second] = keyedChain(2);
    expect(first!.mac).toBe(auditEventMac(KEY, GENESIS_MAC, first!));
    expect(second!.mac).toBe(auditEventMac(KEY, first!.mac!, second!));
    expect(auditEventMac(KEY, GENESIS_MAC, { ...first!, hash: GENESIS_HASH })).not.toBe(first!.mac);
    expect(auditEventMac("another key of at least 32 chars!", GENESIS_MAC, first!)).not.toBe(first!.mac);
  });

  it("names an event edited and re-hashed forward without the key by its MAC", () => {
    const events = keyedChain(5);
    events[1] = { ...events[1]!, action: "forged" };
    const rehashed = rehashFrom(events);
    expect(verifyAuditChain(rehashed)).toEqual({ ok: true, events: 5 });
    expect(verifyKeyedAuditChain(rehashed, KEY, { seq: 5, mac: events[4]!.mac! })).toEqual({
      ok: false,
      brokenAtSeq: 2,
      reason: "MAC does not match: altered and re-hashed, or another key",
    });
  });

  it("still names an event edited alone by its hash", () => {
    const events = keyedChain(4);
    events[2] = { ...events[2]!, data: { to: "paid" } };
    expect(verifyKeyedAuditChain(events, KEY)).toEqual({ ok: false, brokenAtSeq: 3, reason: "content was altered" });
  });

  it("names the first missing event of a gap", () => {
    const events = keyedChain(5);
    events.splice(1, 2);
    expect(verifyKeyedAuditChain(events, KEY)).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });

  it("names the first deleted event when the newest events are gone, by the head", () => {
    const events = keyedChain(6);
    const head = { seq: 6, mac: events[5]!.mac! };
    const truncated = events.slice(0, 4);
    expect(verifyKeyedAuditChain(truncated, KEY)).toEqual({ ok: true, events: 4 });
    expect(verifyKeyedAuditChain(truncated, KEY, head)).toEqual({
      ok: false,
      brokenAtSeq: 5,
      reason: "missing: the chain ends at #4, its recorded head is #6",
    });
    expect(verifyKeyedAuditChain([], KEY, head)).toMatchObject({ ok: false, brokenAtSeq: 1 });
  });

  it("names the head's event when its MAC is not the head's", () => {
    const events = keyedChain(3);
    expect(verifyKeyedAuditChain(events, KEY, { seq: 3, mac: events[1]!.mac! })).toEqual({
      ok: false,
      brokenAtSeq: 3,
      reason: "MAC differs from the recorded head",
    });
  });

  it("names events past the recorded head", () => {
    const events = keyedChain(4);
    expect(verifyKeyedAuditChain(events, KEY, { seq: 3, mac: events[2]!.mac! })).toEqual({
      ok: false,
      brokenAtSeq: 4,
      reason: "past the recorded head #3",
    });
  });

  it("refuses an event without a MAC, and every MAC under another key", () => {
    const events = keyedChain(3);
    events[1] = { ...events[1]!, mac: null };
    expect(verifyKeyedAuditChain(events, KEY)).toMatchObject({ ok: false, brokenAtSeq: 2 });
    expect(verifyKeyedAuditChain(keyedChain(3), "another key of at least 32 chars!")).toMatchObject({
      ok: false,
      brokenAtSeq: 1,
    });
  });

  it("reads back a head it wrote, and nothing else", () => {
    const head = { organisationId: "org1", seq: 7, mac: "a".repeat(64) };
    expect(parseAuditHead(serializeAuditHead(head), "org1")).toEqual(head);
    expect(parseAuditHead(serializeAuditHead(head), "org2")).toBeNull();
    expect(parseAuditHead("{", "org1")).toBeNull();
    expect(parseAuditHead(JSON.stringify({ ...head, seq: 0 }), "org1")).toBeNull();
    expect(parseAuditHead(JSON.stringify({ ...head, mac: "A".repeat(64) }), "org1")).toBeNull();
  });
});
