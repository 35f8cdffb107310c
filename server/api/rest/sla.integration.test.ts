import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../data/prisma-client";
import { editSlaClause, retireSlaClause, slaClauseVersions } from "../../data/sla/clauses";
import { ingestMeasurements } from "../../data/sla/ingest";
import { resolveOrgScope } from "../../data/scope";
import { useDemoWithoutSla } from "../../data/sla/test-support";
import { idOf, sessionFor, setEngagementHidesAmounts, testDatabaseKinds } from "../../data/testing";
import type { SlaClauseTermsInput } from "../../domain/sla/terms";
import { createSlaClauseRest, listSlaClausesRest, slaComplianceRest } from "./sla";

const EASTBANK_ENGAGEMENT = "Financial-grade blockchain data synchroniser — private deployment";
const URL_BASE = "http://localhost:3000";

const latencyClause: SlaClauseTermsInput = {
  title: "Query latency",
  metric: "latency_percentile",
  percentile: 99,
  comparator: "lte",
  target: 800,
  unit: "ms",
  windowMinutes: 5,
  period: "month",
  timezone: "Asia/Shanghai",
  credit: {
    type: "per_incident",
    perBreachedWindowMinor: 100_000,
    capPerIncidentMinor: 250_000,
    capPerPeriodMinor: null,
  },
};

const post = (body: unknown, contentType = "application/json") =>
  new Request(`${URL_BASE}/api/v1/engagements/x/sla/clauses`, {
    method: "POST",
    headers: { "content-type": contentType },
    body: JSON.stringify(body),
  });
const get = (path: string) => new Request(`${URL_BASE}${path}`);

describe.each(testDatabaseKinds())("SLA clauses over REST on %s", (kind) => {
  useDemoWithoutSla(kind);
  let engagementId: string;

  beforeAll(async () => {
    engagementId = await idOf("engagement", { title: EASTBANK_ENGAGEMENT });
  });

  const clauseCount = () => prisma().slaClause.count({ where: { engagementId } });

  it("creates a clause (201, version 1, audited) that the consultant and the client's users list", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const response = await createSlaClauseRest(owner, engagementId, post(latencyClause));
    expect(response.status).toBe(201);
    const clause = (await response.json()) as { id: string; version: number; percentile: number; exclusions: [] };
    expect(clause).toMatchObject({ version: 1, percentile: 99, exclusions: [], metric: "latency_percentile" });
    expect(await prisma().auditEvent.count({ where: { action: "sla_clause.created", entityId: clause.id } })).toBe(1);

    for (const email of ["owner@northwind.test", "approver@eastbank.test"]) {
      const list = await listSlaClausesRest(await sessionFor(email), engagementId, get("/x"));
      expect(list.status).toBe(200);
      const body = (await list.json()) as { clauses: { id: string }[] };
      expect(body.clauses.map((c) => c.id)).toContain(clause.id);
    }
  });

  it("refuses terms that do not hold with 422 naming each field, and stores nothing", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const before = await clauseCount();
    const response = await createSlaClauseRest(
      owner,
      engagementId,
      post({
        ...latencyClause,
        percentile: null,
        metric: "availability",
        unit: "ms",
        triggers: [{ when: "above", value: 12, forMinutes: 5, action: "Joint load test" }],
      }),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: string; reasons: string[] };
    expect(body.error).toBe("INVALID_TERMS");
    expect(body.reasons.join("\n")).toMatch(/windowMinutes: availability is judged over the period/);
    expect(body.reasons.join("\n")).toMatch(/credit: availability has no windows/);
    expect(body.reasons.join("\n")).toMatch(/unit: availability is measured in %/);
    expect(body.reasons.join("\n")).toMatch(/triggers:/);
    const badZone = await createSlaClauseRest(owner, engagementId, post({ ...latencyClause, timezone: "Mars/Base" }));
    expect(badZone.status).toBe(422);
    expect(((await badZone.json()) as { reasons: string[] }).reasons[0]).toMatch(/^timezone:/);
    expect((await createSlaClauseRest(owner, engagementId, post(latencyClause, "text/plain"))).status).toBe(415);
    expect(await clauseCount()).toBe(before);
  });

  it("lets only the consultant of the engagement's organisation define clauses; others see nothing", async () => {
    const before = await clauseCount();
    const approver = await createSlaClauseRest(
      await sessionFor("approver@eastbank.test"),
      engagementId,
      post(latencyClause),
    );
    expect(approver.status).toBe(403);
    const foreign = await createSlaClauseRest(
      await sessionFor("owner@contoso.test"),
      engagementId,
      post(latencyClause),
    );
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: "NOT_FOUND", reasons: ["Engagement not found."] });
    expect((await createSlaClauseRest(null, engagementId, post(latencyClause))).status).toBe(401);
    for (const email of ["owner@contoso.test", "approver@lakeside.test"]) {
      expect((await listSlaClausesRest(await sessionFor(email), engagementId, get("/x"))).status).toBe(404);
      expect((await slaComplianceRest(await sessionFor(email), engagementId, get("/x?period=2026-11"))).status).toBe(
        404,
      );
    }
    expect(await clauseCount()).toBe(before);
  });

  it("corrects the current version before measurements, starts a new one after, and retires", async () => {
    const ownerScope = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    const created = (await (
      await createSlaClauseRest(
        await sessionFor("owner@northwind.test"),
        engagementId,
        post({ ...latencyClause, title: "Versioned" }),
      )
    ).json()) as { id: string };
    const corrected = await editSlaClause(ownerScope, created.id, {
      ...latencyClause,
      title: "Versioned",
      target: 900,
    });
    expect(corrected).toMatchObject({ version: 1, measured: false });
    await ingestMeasurements(
      { kind: "user", scope: ownerScope },
      {
        clauseId: created.id,
        idempotencyKey: "versioned-clause-1",
        source: "api",
        measurements: { kind: "values", samples: [{ at: Date.parse("2026-11-02T00:01:00Z"), value: 950 }] },
      },
    );
    const versioned = await editSlaClause(ownerScope, created.id, {
      ...latencyClause,
      title: "Versioned",
      target: 1000,
    });
    expect(versioned).toMatchObject({ version: 2, measured: true });
    const history = await slaClauseVersions(ownerScope, created.id);
    expect(history.map((v) => [v.version, v.terms.target, v.effectiveTo === null])).toEqual([
      [2, 1000, true],
      [1, 900, false],
    ]);
    await expect(
      editSlaClause(ownerScope, created.id, { ...latencyClause, metric: "gauge_max", percentile: null }),
    ).rejects.toMatchObject({ code: "METRIC_FIXED" });
    const retired = await retireSlaClause(ownerScope, created.id);
    expect(retired.retiredAt).not.toBeNull();
    await expect(editSlaClause(ownerScope, created.id, latencyClause)).rejects.toMatchObject({
      code: "CLAUSE_RETIRED",
    });
    const listed = (await (
      await listSlaClausesRest(await sessionFor("owner@northwind.test"), engagementId, get("/x?includeRetired=true"))
    ).json()) as { clauses: { id: string; retiredAt: string | null }[] };
    expect(listed.clauses.find((c) => c.id === created.id)?.retiredAt).not.toBeNull();
    const current = (await (
      await listSlaClausesRest(await sessionFor("owner@northwind.test"), engagementId, get("/x"))
    ).json()) as { clauses: { id: string }[] };
    expect(current.clauses.map((c) => c.id)).not.toContain(created.id);
    const actions = await prisma().auditEvent.findMany({
      where: { entityId: created.id },
      orderBy: { seq: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "sla_clause.created",
      "sla_clause.edited",
      "sla.measurements_recorded",
      "sla_clause.versioned",
      "sla_clause.retired",
    ]);
  });

  it("hides credits and credit terms from a viewer when the engagement hides amounts, never from the approver", async () => {
    await setEngagementHidesAmounts(EASTBANK_ENGAGEMENT, true);
    try {
      const read = async (email: string) => {
        const session = await sessionFor(email);
        const report = (await (await slaComplianceRest(session, engagementId, get("/x?period=2026-11"))).json()) as {
          totalCreditMinor: number | null;
          clauses: { creditMinor: number | null; incidents: { creditMinor: number | null }[] }[];
        };
        const list = (await (await listSlaClausesRest(session, engagementId, get("/x"))).json()) as {
          clauses: { credit: unknown }[];
        };
        return { report, list };
      };
      const viewer = await read("viewer@eastbank.test");
      expect(viewer.report.totalCreditMinor).toBeNull();
      expect(viewer.report.clauses.length).toBeGreaterThan(0);
      expect(viewer.report.clauses.every((c) => c.creditMinor === null)).toBe(true);
      expect(viewer.list.clauses.every((c) => c.credit === null)).toBe(true);
      const approver = await read("approver@eastbank.test");
      expect(approver.report.totalCreditMinor).toEqual(expect.any(Number));
      expect(approver.list.clauses.every((c) => c.credit !== null)).toBe(true);
    } finally {
      await setEngagementHidesAmounts(EASTBANK_ENGAGEMENT, false);
    }
  });

  it("keeps idempotency keys per clause and the probe's keys for the probe", async () => {
    const ownerScope = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    const owner = await sessionFor("owner@northwind.test");
    const clauseIds: string[] = [];
    for (const title of ["Keyed A", "Keyed B"]) {
      const response = await createSlaClauseRest(owner, engagementId, post({ ...latencyClause, title }));
      clauseIds.push(((await response.json()) as { id: string }).id);
    }
    const posting = (clauseId: string, idempotencyKey: string) =>
      ingestMeasurements(
        { kind: "user", scope: ownerScope },
        {
          clauseId,
          idempotencyKey,
          source: "api",
          measurements: { kind: "values", samples: [{ at: Date.parse("2026-11-04T00:00:00Z"), value: 1 }] },
        },
      );
    for (const clauseId of clauseIds) expect((await posting(clauseId, "shared-key-1")).replayed).toBe(false);
    await expect(posting(clauseIds[0]!, `probe:${clauseIds[1]}:1796400000000`)).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
    expect(await prisma().slaMeasurementBatch.count({ where: { clauseId: { in: clauseIds } } })).toBe(2);
  });

  it("answers compliance for a period, and 400 for a period that is not one", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const response = await slaComplianceRest(owner, engagementId, get("/x?period=2026-11"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      period: string;
      currency: string;
      clauses: { period: { key: string } }[];
    };
    expect(body.period).toBe("2026-11");
    expect(body.currency).toBe("CNY");
    expect(body.clauses.every((c) => c.period.key === "2026-11")).toBe(true);
    for (const period of ["2026-13", "2026-Q5", "26", "2026-11-01"]) {
      const bad = await slaComplianceRest(owner, engagementId, get(`/x?period=${period}`));
      expect(bad.status).toBe(400);
    }
  });
});
