import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../data/organisation/api-tokens";
import { resolveOrgScope, type OrgScope } from "../../data/scope";
import { idOf, sessionFor, testDatabaseKinds } from "../../data/testing";
import { storedUsage, tokenMeter, EASTBANK, LAKESIDE, CONTOSO } from "../../data/usage/test-support";
import { MAX_EVENTS_PER_BATCH } from "../../domain/usage/events";
import { usagePeriodOf } from "../../domain/usage/period";
import { useTestDatabase } from "../../test-support/database";
import type { SessionClaims } from "../../auth";
import { createMeterRest, listMetersRest } from "./meters";
import { postUsageRest, usageReportRest } from "./usage";

// The usage API end to end on the handlers: meters by session, events by an engagement's token
// only, the report for consultants and the engagement's client. Events are dated just after now:
// a meter counts from its creation, and the ingest runs on the real clock.

const BASE = "http://tollgate.test";
const MINUTE = 60_000;

type Auth = { token: string } | SessionClaims | null;

function request(path: string, auth: Auth, body?: unknown, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(auth && "token" in auth ? { authorization: `Bearer ${auth.token}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

const session = (auth: Auth) => (auth && "userId" in auth ? auth : null);
const postUsage = (auth: Auth, body: unknown) => postUsageRest(session(auth), request("/api/v1/usage", auth, body));

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** `count` events of `meter`, one a second from a minute after now. */
function upcoming(meter: string, count: number, prefix: string) {
  const start = Date.now() + MINUTE;
  return Array.from({ length: count }, (_, index) => ({
    meter,
    quantity: 1_000,
    at: new Date(start + index * 1000).toISOString(),
    tenant: index % 2 === 0 ? "acme" : "globex",
    idempotencyKey: `${prefix}-${index}`,
  }));
}

describe.each(testDatabaseKinds())("the usage REST API on %s", (kind) => {
  useTestDatabase(kind);
  let owner: SessionClaims;
  let contoso: SessionClaims;
  let approver: SessionClaims;
  let lakesideApprover: SessionClaims;
  let ownerScope: OrgScope;
  let eastbank: string;
  let lakeside: string;
  let eastbankToken: { token: string };
  let lakesideToken: { token: string };

  beforeAll(async () => {
    owner = await sessionFor("owner@northwind.test");
    contoso = await sessionFor("owner@contoso.test");
    approver = await sessionFor("approver@eastbank.test");
    lakesideApprover = await sessionFor("approver@lakeside.test");
    ownerScope = (await resolveOrgScope(owner.userId))!;
    eastbank = await idOf("engagement", { title: EASTBANK });
    lakeside = await idOf("engagement", { title: LAKESIDE });
    eastbankToken = { token: (await createApiToken(ownerScope, eastbank, "usage"))!.token };
    lakesideToken = { token: (await createApiToken(ownerScope, lakeside, "usage"))!.token };
  });

  const meters = (id: string) => `/api/v1/engagements/${id}/meters`;

  it("creates meters for consultants only, once per name, and lists them for the client", async () => {
    const created = await answer(
      await createMeterRest(owner, eastbank, request(meters(eastbank), owner, tokenMeter())),
    );
    expect(created).toMatchObject({
      status: 201,
      body: { meter: "llm_tokens", freeQuantity: 10_000, period: "month" },
    });
    const again = await answer(await createMeterRest(owner, eastbank, request(meters(eastbank), owner, tokenMeter())));
    expect(again).toMatchObject({ status: 409, body: { error: "DUPLICATE_METER" } });
    const byClient = await createMeterRest(approver, eastbank, request(meters(eastbank), approver, tokenMeter()));
    expect(byClient.status).toBe(403);
    const elsewhere = await createMeterRest(contoso, eastbank, request(meters(eastbank), contoso, tokenMeter()));
    expect(elsewhere.status).toBe(404);
    const badTiers = { ...tokenMeter({ meter: "x" }), tiers: [{ upTo: 5, priceMinor: 1, perQuantity: 1 }] };
    const bad = await answer(await createMeterRest(owner, eastbank, request(meters(eastbank), owner, badTiers)));
    expect(bad).toMatchObject({ status: 400, body: { reasons: [expect.stringMatching(/^tiers\.0\.upTo: /)] } });
    expect(await answer(await listMetersRest(approver, eastbank))).toMatchObject({
      status: 200,
      body: [{ meter: "llm_tokens" }],
    });
    expect((await listMetersRest(lakesideApprover, eastbank)).status).toBe(404);
    expect((await listMetersRest(contoso, eastbank)).status).toBe(404);
    expect((await listMetersRest(null, eastbank)).status).toBe(401);
  });

  it("records usage with the engagement's token only: a session is refused", async () => {
    const events = upcoming("llm_tokens", 2, "who");
    expect((await postUsage(null, { events })).status).toBe(401);
    expect(await answer(await postUsage(owner, { events }))).toMatchObject({
      status: 403,
      body: { error: "FORBIDDEN" },
    });
    expect((await postUsage(approver, { events })).status).toBe(403);
    expect((await postUsage({ token: "tg_notarealtokenatall000000000000" }, { events })).status).toBe(401);
  });

  it("refuses a batch with one bad event at index 7 of 100: 422 naming it, nothing stored", async () => {
    const before = await storedUsage(eastbank);
    const events: unknown[] = upcoming("llm_tokens", 100, "atomic");
    events[7] = { ...(events[7] as object), quantity: 2.5 };
    const refused = await answer(await postUsage(eastbankToken, { events }));
    expect(refused).toEqual({
      status: 422,
      body: { error: "UNPROCESSABLE", index: 7, reasons: ["events[7]: quantity: a whole number"] },
    });
    expect(await storedUsage(eastbank)).toEqual(before);
  });

  it("counts the events before anything else: 413 over 10,000", async () => {
    const events = Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => ({}));
    expect(await answer(await postUsage(eastbankToken, { events }))).toMatchObject({
      status: 413,
      body: { error: "PAYLOAD_TOO_LARGE" },
    });
    expect((await postUsage(eastbankToken, { events: [] })).status).toBe(400);
    expect((await postUsage(eastbankToken, "{not json")).status).toBe(400);
  });

  it("accepts events, counts replays, and reports them to consultant and client", async () => {
    const events = upcoming("llm_tokens", 20, "ok");
    expect(await answer(await postUsage(eastbankToken, { events }))).toEqual({
      status: 200,
      body: { accepted: 20, replayed: 0 },
    });
    const replay = [...events.slice(0, 5), events[0]!, ...upcoming("llm_tokens", 21, "ok").slice(20)];
    expect(await answer(await postUsage(eastbankToken, { events: replay }))).toEqual({
      status: 200,
      body: { accepted: 1, replayed: 6 },
    });
    const period = usagePeriodOf(Date.parse(events[0]!.at), "Asia/Shanghai");
    const path = `/api/v1/engagements/${eastbank}/usage?period=${period}`;
    for (const reader of [owner, approver]) {
      const report = await answer(await usageReportRest(reader, eastbank, request(path, reader)));
      expect(report).toMatchObject({
        status: 200,
        body: {
          currency: "CNY",
          closed: false,
          meters: [{ meter: "llm_tokens", quantity: 21_000, freeQuantity: 10_000, billableQuantity: 11_000 }],
        },
      });
    }
    expect((await usageReportRest(contoso, eastbank, request(path, contoso))).status).toBe(404);
    expect((await usageReportRest(lakesideApprover, eastbank, request(path, lakesideApprover))).status).toBe(404);
    const badPeriod = `/api/v1/engagements/${eastbank}/usage?period=2026-13`;
    expect((await usageReportRest(owner, eastbank, request(badPeriod, owner))).status).toBe(400);
    const other = await idOf("engagement", { title: CONTOSO });
    expect((await usageReportRest(owner, other, request(path, owner))).status).toBe(404);
  });

  it("keeps a token to its own engagement's meters", async () => {
    // Lakeside has no llm_tokens meter: the name is unknown there, whatever Eastbank has
    const events = upcoming("llm_tokens", 3, "cross");
    expect(await answer(await postUsage(lakesideToken, { events }))).toMatchObject({
      status: 422,
      body: { index: 0, reasons: ['events[0]: unknown meter "llm_tokens"'] },
    });
    await createMeterRest(owner, lakeside, request(meters(lakeside), owner, tokenMeter({ meter: "lakeside_calls" })));
    const before = await storedUsage(lakeside);
    const intoLakeside = upcoming("lakeside_calls", 3, "cross");
    expect((await postUsage(eastbankToken, { events: intoLakeside })).status).toBe(422);
    expect(await storedUsage(lakeside)).toEqual(before);
  });
});
