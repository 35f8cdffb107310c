import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../data/organisation/api-tokens";
import { prisma } from "../../data/prisma-client";
import { resolveOrgScope, type OrgScope } from "../../data/scope";
import { createSlaClause, retireSlaClause } from "../../data/sla/clauses";
import {
  countAuditEvents,
  databaseFingerprint,
  idOf,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
} from "../../data/testing";
import type { SlaClauseTermsInput } from "../../domain/sla/terms";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { useTestDatabase } from "../../test-support/database";
import { postSlaMeasurements } from "./sla-measurements";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const LAKESIDE = "Checkout latency review";
const FABRIKAM = "Claims platform performance audit";
const URL = "http://tollgate.test/api/v1/sla/measurements";

const latencyTerms: SlaClauseTermsInput = {
  title: "Sync delay P99",
  metric: "latency_percentile",
  percentile: 99,
  comparator: "lte",
  target: 1500,
  unit: "ms",
  windowMinutes: 5,
  period: "month",
  credit: { type: "per_incident", perBreachedWindowMinor: 200_000, capPerIncidentMinor: 8_500_000 },
};

type Auth = { token: string } | { session: Awaited<ReturnType<typeof sessionFor>> } | null;

function post(auth: Auth, body: unknown, init: { headers?: Record<string, string>; raw?: BodyInit } = {}) {
  const request = new Request(URL, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(auth && "token" in auth ? { authorization: `Bearer ${auth.token}` } : {}),
      ...init.headers,
    },
    body: init.raw ?? JSON.stringify(body),
    ...(init.raw instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  return postSlaMeasurements(auth && "session" in auth ? auth.session : null, request);
}

const samplesAt = (start: number, values: number[]) =>
  values.map((value, i) => ({ at: new Date(start + i * 1000).toISOString(), value }));

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(testDatabaseKinds())("POST /api/v1/sla/measurements on %s", (kind) => {
  useTestDatabase(kind, { seed: false });
  let owner: OrgScope;
  let token: string;
  let lakesideToken: string;
  let clauseId: string;
  let foreignClauseId: string;
  let consultant: Awaited<ReturnType<typeof sessionFor>>;
  const start = Date.parse("2026-11-03T10:00:00Z");

  beforeAll(async () => {
    // the demo scenario without its clauses: these tests make their own
    await seedForTests(
      JSON.parse(JSON.stringify(DEMO_ORGANISATIONS), (key, value) => (key === "slaClauses" ? undefined : value)),
    );
    consultant = await sessionFor("owner@northwind.test");
    owner = (await resolveOrgScope(consultant.userId))!;
    const engagementId = await idOf("engagement", { title: EASTBANK });
    token = (await createApiToken(owner, engagementId, "monitoring"))!.token;
    lakesideToken = (await createApiToken(owner, await idOf("engagement", { title: LAKESIDE }), "other"))!.token;
    clauseId = (await createSlaClause(owner, engagementId, latencyTerms)).id;
    const contoso = (await resolveOrgScope((await sessionFor("owner@contoso.test")).userId))!;
    foreignClauseId = (await createSlaClause(contoso, await idOf("engagement", { title: FABRIKAM }), latencyTerms)).id;
  });

  it("stores a token's samples, refreshes their windows and records the token's act", async () => {
    const { status, body } = await answer(
      await post({ token }, { clauseId, idempotencyKey: "token-batch-1", samples: samplesAt(start, [100, 200, 300]) }),
    );
    expect(status).toBe(201);
    expect(body).toEqual({
      batchId: expect.any(String),
      clauseId,
      accepted: 3,
      firstAt: "2026-11-03T10:00:00.000Z",
      lastAt: "2026-11-03T10:00:02.000Z",
      replayed: false,
    });
    expect(await prisma().slaSample.count({ where: { batchId: body.batchId as string } })).toBe(3);
    const window = await prisma().slaWindow.findUniqueOrThrow({
      where: { clauseId_start: { clauseId, start: new Date(start) } },
    });
    expect(window).toMatchObject({ value: 300, samples: 3 });
    const event = await prisma().auditEvent.findFirstOrThrow({
      where: { action: "sla.measurements_recorded", entityId: clauseId },
    });
    expect(event).toMatchObject({ actorKind: "api_token", entityType: "sla_clause" });
    expect(event.data).toMatchObject({ batchId: body.batchId, source: "api", count: 3 });
  });

  it("stores a consultant's samples from a session, as the user's act", async () => {
    const { status, body } = await answer(
      await post(
        { session: consultant },
        { clauseId, idempotencyKey: "session-batch-1", samples: samplesAt(start + 3000, [400]) },
      ),
    );
    expect(status).toBe(201);
    const batch = await prisma().slaMeasurementBatch.findUniqueOrThrow({ where: { id: body.batchId as string } });
    expect(batch).toMatchObject({ actorKind: "user", actorId: consultant.userId, count: 1 });
    // the window now holds 4 samples: p99 of [100, 200, 300, 400] is the 4th
    const window = await prisma().slaWindow.findUniqueOrThrow({
      where: { clauseId_start: { clauseId, start: new Date(start) } },
    });
    expect(window).toMatchObject({ value: 400, samples: 4 });
  });

  it("refuses a client user (403), no credentials (401) and an unknown token (401)", async () => {
    const body = { clauseId, idempotencyKey: "client-user-1", samples: samplesAt(start, [1]) };
    const client = await answer(await post({ session: await sessionFor("approver@eastbank.test") }, body));
    expect(client).toMatchObject({ status: 403, body: { error: "FORBIDDEN" } });
    expect((await post(null, body)).status).toBe(401);
    expect((await post({ token: `tg_000000000000_${"a".repeat(43)}` }, body)).status).toBe(401);
  });

  it("answers 404 for another organisation's clause and for a clause outside the token's engagement", async () => {
    const foreign = { clauseId: foreignClauseId, idempotencyKey: "foreign-1", samples: samplesAt(start, [1]) };
    expect(await answer(await post({ token }, foreign))).toMatchObject({ status: 404, body: { error: "NOT_FOUND" } });
    expect((await post({ session: consultant }, foreign)).status).toBe(404);
    const otherEngagement = { clauseId, idempotencyKey: "other-engagement-1", samples: samplesAt(start, [1]) };
    expect((await post({ token: lakesideToken }, otherEngagement)).status).toBe(404);
    expect(await prisma().slaSample.count({ where: { clauseId: foreignClauseId } })).toBe(0);
  });

  it("answers a replay with the first answer and changes nothing; another body under the key is refused", async () => {
    const body = { clauseId, idempotencyKey: "replay-1", samples: samplesAt(start + 60_000, [5, 6]) };
    const first = await answer(await post({ session: consultant }, body));
    expect(first.status).toBe(201);
    const before = await databaseFingerprint();
    const again = await answer(await post({ session: consultant }, body));
    expect(again).toEqual({ status: 200, body: { ...first.body, replayed: true } });
    expect(await databaseFingerprint()).toBe(before);
    const other = await answer(await post({ session: consultant }, { ...body, samples: samplesAt(start, [7]) }));
    expect(other).toMatchObject({ status: 422, body: { error: "IDEMPOTENCY_MISMATCH" } });
    expect(await databaseFingerprint()).toBe(before);
  });

  it("refuses a body over 5 MB (413), declared or chunked, and more than 100,000 items", async () => {
    const big = "x".repeat(5 * 1024 * 1024 + 1);
    expect(
      await answer(
        await post({ session: consultant }, null, { raw: big, headers: { "content-length": String(big.length) } }),
      ),
    ).toMatchObject({ status: 413, body: { error: "PAYLOAD_TOO_LARGE" } });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 6; i += 1) controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
        controller.close();
      },
    });
    expect((await post({ session: consultant }, null, { raw: chunks })).status).toBe(413);
    const many = Array.from({ length: 100_001 }, () => ({}));
    const tooMany = await post({ session: consultant }, { clauseId, idempotencyKey: "too-many-1", samples: many });
    expect(tooMany.status).toBe(413);
  });

  it("refuses a bad item with 422 naming the first bad index, and stores nothing", async () => {
    const before = await databaseFingerprint();
    const samples = samplesAt(
      start,
      Array.from({ length: 20 }, (_, i) => i),
    ) as { at: string; value: unknown }[];
    samples[12]!.value = "fast";
    samples[15]!.value = null;
    const bad = await answer(await post({ session: consultant }, { clauseId, idempotencyKey: "bad-item-1", samples }));
    expect(bad).toMatchObject({ status: 422, body: { error: "UNPROCESSABLE" } });
    expect((bad.body.reasons as string[])[0]).toBe("samples[12].value: expected a finite number");
    const noOffset = await answer(
      await post(
        { session: consultant },
        { clauseId, idempotencyKey: "bad-item-2", samples: [{ at: "2026-11-03T10:00:00", value: 1 }] },
      ),
    );
    expect((noOffset.body.reasons as string[])[0]).toMatch(
      /^samples\[0\]\.at: expected an ISO-8601 time with an offset/,
    );
    const wrongShape = await answer(
      await post({ session: consultant }, { clauseId, idempotencyKey: "bad-item-3", downtime: [] }),
    );
    expect(wrongShape).toMatchObject({ status: 422, body: { error: "UNPROCESSABLE" } });
    expect(await databaseFingerprint()).toBe(before);
  });

  it("refuses measurements for a retired clause (409 CLAUSE_RETIRED)", async () => {
    const retired = await createSlaClause(owner, await idOf("engagement", { title: EASTBANK }), {
      ...latencyTerms,
      title: "Retired clause",
    });
    await retireSlaClause(owner, retired.id);
    const refused = await answer(
      await post({ token }, { clauseId: retired.id, idempotencyKey: "retired-1", samples: samplesAt(start, [1]) }),
    );
    expect(refused).toMatchObject({ status: 409, body: { error: "CLAUSE_RETIRED" } });
  });

  it("takes error counts, downtime and digest checks for clauses of those metrics", async () => {
    const engagementId = await idOf("engagement", { title: EASTBANK });
    const errorRate = await createSlaClause(owner, engagementId, {
      ...latencyTerms,
      title: "Error rate",
      metric: "error_rate",
      percentile: null,
      target: 12,
      unit: "%",
    });
    const tiered = { type: "tiered" as const, baseMinor: 1_000_000, tiers: [{ below: 99.995, creditPct: 5 }] };
    const availability = await createSlaClause(owner, engagementId, {
      ...latencyTerms,
      title: "Availability",
      metric: "availability",
      percentile: null,
      comparator: "gte",
      target: 99.995,
      unit: "%",
      windowMinutes: null,
      period: "year",
      credit: tiered,
    });
    const integrity = await createSlaClause(owner, engagementId, {
      ...latencyTerms,
      title: "Integrity",
      metric: "integrity",
      percentile: null,
      comparator: "gte",
      target: 100,
      unit: "%",
      windowMinutes: null,
      credit: tiered,
    });
    const at = (s: number) => new Date(start + s * 1000).toISOString();
    const rates = [
      { at: at(0), errors: 3, requests: 10 },
      { at: at(1), errors: 0, requests: 0 },
    ];
    expect(
      (await post({ token }, { clauseId: errorRate.id, idempotencyKey: "rate-batch-1", samples: rates })).status,
    ).toBe(201);
    expect(
      await prisma().slaWindow.findUniqueOrThrow({
        where: { clauseId_start: { clauseId: errorRate.id, start: new Date(start) } },
      }),
    ).toMatchObject({ value: 30, samples: 2, errors: 3n, requests: 10n });
    const badRate = await answer(
      await post(
        { token },
        { clauseId: errorRate.id, idempotencyKey: "rate-batch-2", samples: [{ at: at(0), errors: 5, requests: 4 }] },
      ),
    );
    expect((badRate.body.reasons as string[])[0]).toBe("samples[0].errors: expected errors <= requests");
    const downtime = [{ from: at(0), to: at(600) }];
    expect((await post({ token }, { clauseId: availability.id, idempotencyKey: "downtime-1", downtime })).status).toBe(
      201,
    );
    expect(await prisma().slaDowntime.count({ where: { clauseId: availability.id } })).toBe(1);
    const checks = [
      { at: at(0), expected: "a".repeat(64), observed: "a".repeat(64) },
      { at: at(1), expected: "a".repeat(64), observed: "b".repeat(64) },
    ];
    expect((await post({ token }, { clauseId: integrity.id, idempotencyKey: "checks-batch-1", checks })).status).toBe(
      201,
    );
    const stored = await prisma().slaSample.findMany({ where: { clauseId: integrity.id }, orderBy: { at: "asc" } });
    expect(stored.map((s) => [s.value, s.observed])).toEqual([
      [1, "a".repeat(64)],
      [0, "b".repeat(64)],
    ]);
    expect(await countAuditEvents("sla.measurements_recorded", integrity.id)).toBe(1);
  });
});
