import { beforeAll, describe, expect, it } from "vitest";
import { MAX_EVENTS_PER_BATCH } from "../../domain/usage/events";
import { useTestDatabase } from "../../test-support/database";
import { prisma } from "../prisma-client";
import { DataRefusal } from "../refusal";
import { resolveOrgScope, type OrgScope, type TokenScope } from "../scope";
import { countAuditEvents, idOf, sessionFor, testDatabaseKinds } from "../testing";
import { ingestUsage } from "./ingest";
import { createMeter } from "./meters";
import { EASTBANK, eventsOf, meterSince, storedUsage, tokenMeter, tokenScopeFor, LAKESIDE } from "./test-support";

const NOW = new Date("2026-11-15T00:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds())("usage ingestion on %s", (kind) => {
  useTestDatabase(kind);
  let owner: OrgScope;
  let eastbank: string;
  let token: TokenScope;
  let lakesideToken: TokenScope;

  beforeAll(async () => {
    owner = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    eastbank = await idOf("engagement", { title: EASTBANK });
    token = await tokenScopeFor(eastbank);
    lakesideToken = await tokenScopeFor(await idOf("engagement", { title: LAKESIDE }));
    await meterSince(owner, eastbank, tokenMeter());
    await meterSince(owner, eastbank, tokenMeter({ meter: "api_calls", unit: "call", timezone: "UTC" }));
  });

  it("refuses a whole batch for one bad event, naming its index, and stores nothing (not even rollups)", async () => {
    const before = await storedUsage(eastbank);
    const events: unknown[] = eventsOf("llm_tokens", 100, {
      prefix: "atomic",
      from: "2026-11-03T00:00:00Z",
      spanMs: DAY,
    });
    events[7] = { ...(events[7] as object), quantity: -5 };
    events[40] = { ...(events[40] as object), meter: "nope" };
    const answer = await ingestUsage(token, events, NOW);
    expect(answer).toEqual({ ok: false, index: 7, reasons: [expect.stringMatching(/^events\[7\]: quantity: /)] });
    expect(await storedUsage(eastbank)).toEqual(before);
  });

  it.each([
    ["an unknown meter", { meter: "gpu_seconds" }, /unknown meter "gpu_seconds"/],
    ["a negative quantity", { quantity: -1 }, /quantity: zero or more/],
    ["a fractional quantity", { quantity: 1.5 }, /quantity: a whole number/],
    ["a bad time", { at: "yesterday" }, /at: an ISO 8601 time/],
    ["a time more than 35 days ahead", { at: "2026-12-21T00:00:00Z" }, /more than 35 days ahead/],
    ["a time before the meter", { at: "2026-09-30T23:00:00Z" }, /before meter "llm_tokens" started/],
    [
      "a late event after its period closed",
      { at: "2026-10-20T00:00:00Z" },
      /period 2026-10 of meter "llm_tokens" closed at 2026-11-02T16:00:00.000Z; late events are not accepted/,
    ],
  ])("refuses %s with the reason", async (_, change, reason) => {
    const events = eventsOf("llm_tokens", 3, {
      prefix: `bad-${JSON.stringify(change)}`,
      from: "2026-11-05T00:00:00Z",
      spanMs: DAY,
    });
    const answer = await ingestUsage(token, [events[0], { ...events[1], ...change }, events[2]], NOW);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.index).toBe(1);
    expect(answer.reasons.join(" ")).toMatch(reason);
  });

  it("answers a batch re-sent after its period closed as replays, and still refuses a new late event", async () => {
    const events = eventsOf("llm_tokens", 4, { prefix: "resent", from: "2026-11-20T00:00:00Z", spanMs: DAY });
    expect(await ingestUsage(token, events, NOW)).toEqual({ ok: true, accepted: 4, replayed: 0 });
    const before = await storedUsage(eastbank);
    const afterClose = new Date("2026-12-10T00:00:00Z");
    expect(await ingestUsage(token, events, afterClose)).toEqual({ ok: true, accepted: 0, replayed: 4 });
    const fresh = eventsOf("llm_tokens", 1, { prefix: "resent-new", from: "2026-11-21T00:00:00Z", spanMs: DAY });
    const mixed = await ingestUsage(token, [...events, ...fresh], afterClose);
    expect(mixed).toMatchObject({ ok: false, index: 4 });
    expect(await storedUsage(eastbank)).toEqual(before);
  });

  it("accepts events out of order and counts replays, earlier and in the same batch, without doubling", async () => {
    const before = await storedUsage(eastbank);
    const events = eventsOf("llm_tokens", 50, {
      prefix: "replay",
      from: "2026-11-04T00:00:00Z",
      spanMs: 3 * DAY,
    }).reverse();
    const first = await ingestUsage(token, events, NOW);
    expect(first).toEqual({ ok: true, accepted: 50, replayed: 0 });
    const added = events.reduce((sum, event) => sum + BigInt(event.quantity), 0n);
    const after = await storedUsage(eastbank);
    expect(after.events).toBe(before.events + 50);
    expect(after.quantity).toBe(before.quantity + added);

    // ten old keys, one new key posted twice: the first of it counts, everything else is a replay
    const fresh = { meter: "llm_tokens", quantity: 999, at: "2026-11-06T01:00:00Z", idempotencyKey: "replay-new" };
    const again = await ingestUsage(token, [...events.slice(0, 10), fresh, { ...fresh, quantity: 5 }], NOW);
    expect(again).toEqual({ ok: true, accepted: 1, replayed: 11 });
    expect((await storedUsage(eastbank)).quantity).toBe(after.quantity + 999n);
    const stored = await prisma().usageEvent.findUniqueOrThrow({
      where: { engagementId_idempotencyKey: { engagementId: eastbank, idempotencyKey: "replay-new" } },
    });
    expect(stored.quantity).toBe(999n);
  });

  it("counts a key once when two posts of it race", async () => {
    const before = await storedUsage(eastbank);
    const events = eventsOf("api_calls", 200, { prefix: "race", from: "2026-11-10T00:00:00Z", spanMs: DAY });
    const answers = await Promise.all([ingestUsage(token, events, NOW), ingestUsage(token, events, NOW)]);
    const accepted = answers.map((answer) => (answer.ok ? answer.accepted : -1));
    expect(accepted.reduce((a, b) => a + b, 0)).toBe(200);
    const added = events.reduce((sum, event) => sum + BigInt(event.quantity), 0n);
    expect(await storedUsage(eastbank)).toMatchObject({
      events: before.events + 200,
      quantity: before.quantity + added,
    });
  });

  it("rolls events up per meter, period in the meter's zone, UTC hour and tenant", async () => {
    const events = [
      // 17:00 UTC on 31 October is 01:00 on 1 November in Shanghai, but still October in UTC
      { meter: "llm_tokens", quantity: 7, at: "2026-10-31T17:00:00Z", tenant: "zone", idempotencyKey: "zone-1" },
      { meter: "llm_tokens", quantity: 3, at: "2026-10-31T17:59:59.999Z", tenant: "zone", idempotencyKey: "zone-2" },
      { meter: "api_calls", quantity: 4, at: "2026-10-31T17:30:00Z", tenant: "zone", idempotencyKey: "zone-3" },
    ];
    expect(await ingestUsage(token, events, new Date("2026-11-01T00:00:00Z"))).toEqual({
      ok: true,
      accepted: 3,
      replayed: 0,
    });
    const rollups = await prisma().usageRollup.findMany({
      where: { tenant: "zone" },
      include: { meter: { select: { meter: true } } },
      orderBy: { period: "asc" },
    });
    expect(rollups.map((r) => [r.meter.meter, r.period, r.hour.toISOString(), r.quantity, r.events])).toEqual([
      ["api_calls", "2026-10", "2026-10-31T17:00:00.000Z", 4n, 1],
      ["llm_tokens", "2026-11", "2026-10-31T17:00:00.000Z", 10n, 2],
    ]);
  });

  it("stores keys and tenants exactly, whatever characters they hold", async () => {
    const odd = ['a,"b"\\c{d}', "NULL", "tab\there", "租户 ü 🚀", "  spaced  "];
    const events = odd.map((text, index) => ({
      meter: "api_calls",
      quantity: 1_000_000_000_000 - index,
      at: "2026-11-09T09:00:00Z",
      tenant: text,
      idempotencyKey: `odd-${index}-${text}`,
    }));
    expect(await ingestUsage(token, events, NOW)).toEqual({ ok: true, accepted: odd.length, replayed: 0 });
    const stored = await prisma().usageEvent.findMany({
      where: { engagementId: eastbank, idempotencyKey: { startsWith: "odd-" } },
      orderBy: { quantity: "desc" },
    });
    expect(stored.map((row) => [row.idempotencyKey, row.tenant, row.quantity])).toEqual(
      events.map((event) => [event.idempotencyKey, event.tenant.trim(), BigInt(event.quantity)]),
    );
  });

  it("writes one audit event per batch that recorded something", async () => {
    const batch = eventsOf("api_calls", 5, { prefix: "audit", from: "2026-11-07T00:00:00Z", spanMs: DAY });
    const before = await countAuditEvents("usage.recorded", eastbank);
    await ingestUsage(token, batch, NOW);
    await ingestUsage(token, batch, NOW);
    expect(await countAuditEvents("usage.recorded", eastbank)).toBe(before + 1);
    const event = await prisma().auditEvent.findFirstOrThrow({
      where: { action: "usage.recorded", entityId: eastbank },
      orderBy: { seq: "desc" },
    });
    expect(event).toMatchObject({ actorKind: "api_token", actorId: token.tokenId, data: { accepted: 5, replayed: 0 } });
  });

  it("lets a token write only its own engagement's meters", async () => {
    const events = eventsOf("llm_tokens", 2, { prefix: "other", from: "2026-11-05T00:00:00Z", spanMs: DAY });
    const answer = await ingestUsage(lakesideToken, events, NOW);
    expect(answer).toEqual({ ok: false, index: 0, reasons: ['events[0]: unknown meter "llm_tokens"'] });
  });

  it("takes keys per engagement: another engagement may use the same key", async () => {
    const lakeside = lakesideToken.engagementId;
    await meterSince(owner, lakeside, tokenMeter());
    const events = eventsOf("llm_tokens", 3, { prefix: "replay", from: "2026-11-05T00:00:00Z", spanMs: DAY });
    expect(await ingestUsage(lakesideToken, events, NOW)).toEqual({ ok: true, accepted: 3, replayed: 0 });
  });

  it("refuses more than the batch limit before reading anything", async () => {
    const events = eventsOf("llm_tokens", MAX_EVENTS_PER_BATCH + 1, {
      prefix: "big",
      from: "2026-11-05T00:00:00Z",
      spanMs: DAY,
    });
    await expect(ingestUsage(token, events, NOW)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("takes a full batch of 10,000 in one go", async () => {
    const events = eventsOf("llm_tokens", MAX_EVENTS_PER_BATCH, {
      prefix: "full",
      from: "2026-11-08T00:00:00Z",
      spanMs: 2 * DAY,
    });
    const before = await storedUsage(eastbank);
    expect(await ingestUsage(token, events, NOW)).toEqual({ ok: true, accepted: MAX_EVENTS_PER_BATCH, replayed: 0 });
    expect((await storedUsage(eastbank)).events).toBe(before.events + MAX_EVENTS_PER_BATCH);
  });

  it("refuses a second meter of the same name", async () => {
    const taken = createMeter(owner, eastbank, tokenMeter());
    await expect(taken).rejects.toBeInstanceOf(DataRefusal);
    await expect(taken).rejects.toMatchObject({ code: "DUPLICATE_METER" });
  });
});
