import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test-support/database";
import { NotFound } from "../refusal";
import { countStatements } from "../roi/test-support";
import { resolveClientScope, resolveOrgScope, type ClientScope, type OrgScope, type TokenScope } from "../scope";
import { idOf, sessionFor, testDatabaseKinds } from "../testing";
import { ingestUsage } from "./ingest";
import { listMeters } from "./meters";
import { usageReport } from "./report";
import { CONTOSO, EASTBANK, LAKESIDE, eventsOf, meterSince, tokenMeter, tokenScopeFor } from "./test-support";

const NOW = new Date("2026-11-15T00:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds())("the usage report on %s", (kind) => {
  const handle = useTestDatabase(kind);
  let owner: OrgScope;
  let contoso: OrgScope;
  let approver: ClientScope;
  let lakesideApprover: ClientScope;
  let eastbank: string;
  let token: TokenScope;

  beforeAll(async () => {
    owner = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    contoso = (await resolveOrgScope((await sessionFor("owner@contoso.test")).userId))!;
    approver = (await resolveClientScope((await sessionFor("approver@eastbank.test")).userId))!;
    lakesideApprover = (await resolveClientScope((await sessionFor("approver@lakeside.test")).userId))!;
    eastbank = await idOf("engagement", { title: EASTBANK });
    token = await tokenScopeFor(eastbank);
    await meterSince(owner, eastbank, tokenMeter());
    await meterSince(
      owner,
      eastbank,
      tokenMeter({ meter: "api_calls", unit: "call", timezone: "UTC", freeQuantity: 0 }),
    );
    // 2,510,789 tokens in November (Shanghai): 10,000 free, 1,000,000 in the first tier, 1,500,789 in the second
    const events = [
      { meter: "llm_tokens", quantity: 1_000_000, at: "2026-11-02T03:00:00Z", tenant: "acme", idempotencyKey: "t-1" },
      {
        meter: "llm_tokens",
        quantity: 1_500_000,
        at: "2026-11-09T12:30:00+08:00",
        tenant: "globex",
        idempotencyKey: "t-2",
      },
      // 01:00 on 1 November in Shanghai: November for this meter, though October in UTC
      { meter: "llm_tokens", quantity: 10_789, at: "2026-10-31T17:00:00Z", tenant: "acme", idempotencyKey: "t-3" },
      { meter: "api_calls", quantity: 40, at: "2026-10-31T17:00:00Z", tenant: "acme", idempotencyKey: "c-1" },
      { meter: "api_calls", quantity: 2, at: "2026-11-03T00:00:00Z", idempotencyKey: "c-2" },
    ];
    expect(await ingestUsage(token, events, new Date("2026-11-01T00:00:00Z"))).toMatchObject({ ok: true, accepted: 5 });
  });

  it("prices the period with the free quantity and graduated tiers, rounded once", async () => {
    const report = await usageReport(owner, eastbank, "2026-11", NOW);
    expect(report).toMatchObject({ engagementId: eastbank, period: "2026-11", currency: "CNY", closed: false });
    const tokens = report.meters.find((meter) => meter.meter === "llm_tokens")!;
    expect(tokens).toMatchObject({
      unit: "token",
      quantity: 2_510_789,
      freeQuantity: 10_000,
      billableQuantity: 2_500_789,
      // 1,000,000 x 1/1000 + 1,500,789 x 0.5/1000 = 1000 + 750.3945
      amountExact: "1750.3945",
      amountMinor: 1750,
      tiers: [
        { upTo: 1_000_000, priceMinor: 1, perQuantity: 1_000, quantity: 1_000_000, amountExact: "1000" },
        { upTo: null, priceMinor: 0.5, perQuantity: 1_000, quantity: 1_500_789, amountExact: "750.3945" },
      ],
      byTenant: [
        { tenant: "globex", quantity: 1_500_000 },
        { tenant: "acme", quantity: 1_010_789 },
      ],
      closed: false,
      closesAt: "2026-12-02T16:00:00.000Z",
      invoice: null,
    });
    const calls = report.meters.find((meter) => meter.meter === "api_calls")!;
    // the UTC meter counts the 17:00 UTC event in October
    expect(calls).toMatchObject({ quantity: 2, billableQuantity: 2, byTenant: [{ tenant: "", quantity: 2 }] });
    expect(report.totalMinor).toBe(tokens.amountMinor + calls.amountMinor);
    const october = await usageReport(owner, eastbank, "2026-10", NOW);
    expect(october.meters.map((meter) => [meter.meter, meter.quantity])).toEqual([
      ["api_calls", 40],
      ["llm_tokens", 0],
    ]);
    expect(october.closed).toBe(true);
  });

  it("closes each meter's period at its end in the meter's zone plus two days", async () => {
    // 20:00 UTC on 2 December: Shanghai's November closed at 16:00, UTC's closes at midnight
    const between = await usageReport(owner, eastbank, "2026-11", new Date("2026-12-02T20:00:00Z"));
    expect(between.meters.map((meter) => [meter.meter, meter.closed])).toEqual([
      ["api_calls", false],
      ["llm_tokens", true],
    ]);
    expect(between.closed).toBe(false);
    expect((await usageReport(owner, eastbank, "2026-11", new Date("2026-12-03T00:00:00Z"))).closed).toBe(true);
    const late = { meter: "llm_tokens", quantity: 1, at: "2026-11-30T10:00:00Z", idempotencyKey: "late" };
    const refused = await ingestUsage(token, [late], new Date("2026-12-02T20:00:00Z"));
    expect(refused).toMatchObject({ ok: false, index: 0 });
    expect(await ingestUsage(token, [{ ...late, meter: "api_calls" }], new Date("2026-12-02T20:00:00Z"))).toMatchObject(
      {
        ok: true,
      },
    );
  });

  it("answers a period without meters as the month in UTC plus the grace", async () => {
    const lakeside = await idOf("engagement", { title: LAKESIDE });
    const empty = await usageReport(owner, lakeside, "2026-11", new Date("2026-12-03T00:00:00Z"));
    expect(empty).toMatchObject({ meters: [], totalMinor: 0, closed: true, currency: "EUR" });
    expect((await usageReport(owner, lakeside, "2026-11", new Date("2026-12-02T23:59:59Z"))).closed).toBe(false);
  });

  it("reads a fixed number of statements (at most 8), whatever the number of events", async () => {
    const { statements: few } = await countStatements(handle.db!, () => usageReport(owner, eastbank, "2026-11", NOW));
    const more = eventsOf("llm_tokens", 3_000, { prefix: "bulk", from: "2026-11-03T00:00:00Z", spanMs: 9 * DAY });
    expect(await ingestUsage(token, more, NOW)).toMatchObject({ ok: true, accepted: 3_000 });
    const { result, statements: many } = await countStatements(handle.db!, () =>
      usageReport(owner, eastbank, "2026-11", NOW),
    );
    expect(result.meters.find((meter) => meter.meter === "llm_tokens")!.byTenant).toHaveLength(3);
    expect(many.length).toBe(few.length);
    expect(many.length).toBeLessThanOrEqual(8);
    expect(many.filter((sql) => /"UsageEvent"/.test(sql))).toEqual([]);
  });

  it("shows the engagement's client its usage and nobody else's", async () => {
    expect((await usageReport(approver, eastbank, "2026-11", NOW)).meters).toHaveLength(2);
    expect(await listMeters(approver, eastbank)).toHaveLength(2);
    await expect(usageReport(contoso, eastbank, "2026-11", NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(usageReport(lakesideApprover, eastbank, "2026-11", NOW)).rejects.toBeInstanceOf(NotFound);
    await expect(listMeters(contoso, eastbank)).rejects.toBeInstanceOf(NotFound);
    const other = await idOf("engagement", { title: CONTOSO });
    await expect(usageReport(owner, other, "2026-11", NOW)).rejects.toBeInstanceOf(NotFound);
  });
});
