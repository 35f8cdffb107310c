import { describe, expect, it } from "vitest";
import { auditEventHash, canonicalJson, GENESIS_HASH, verifyAuditChain, type AuditEventContent, type StoredAuditEvent } from "./audit";

function chain(count: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const content: AuditEventContent = {
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
    const hash = auditEventHash(prev, content);
    events.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe("audit hash chain", () => {
  it("serialises objects canonically whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":1,"f":2}]},"b":1}');
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
});
