import { beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "../../auth";
import { idOf, sessionFor, testDatabaseKinds } from "../../data/testing";
import { useTestDatabase } from "../../test-support/database";
import { objectivesRest } from "./objectives";

// GET /api/v1/engagements/{id}/objectives: the REST contract's field names, for the consultant and the
// engagement's client users; no session is 401, another tenant or client is 404.

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";

describe.each(testDatabaseKinds())("GET /api/v1/engagements/{id}/objectives on %s", (kind) => {
  useTestDatabase(kind);
  let owner: SessionClaims;
  let viewer: SessionClaims;
  let contoso: SessionClaims;
  let lakeside: SessionClaims;
  let engagement: string;

  beforeAll(async () => {
    owner = await sessionFor("owner@northwind.test");
    viewer = await sessionFor("viewer@eastbank.test");
    contoso = await sessionFor("owner@contoso.test");
    lakeside = await sessionFor("approver@lakeside.test");
    engagement = await idOf("engagement", { title: EASTBANK });
  });

  it("answers a JSON array with the REST contract's field names", async () => {
    const response = await objectivesRest(owner, engagement);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as Record<string, unknown>[];
    expect(Array.isArray(body)).toBe(true);
    expect(body).toHaveLength(4);
    for (const item of body)
      for (const field of [
        "id",
        "pain",
        "observedBehaviour",
        "cost",
        "costPerQuarterMinor",
        "businessGoal",
        "target",
        "baseline",
        "actual",
        "verdict",
        "source",
      ])
        expect(item, field).toHaveProperty(field);
    expect(body[0]).toMatchObject({
      pain: "Reports are slow",
      cost: { value: 40, unit: "hours/month" },
      costPerQuarterMinor: 18_000_000,
      businessGoal: "Analysts get month-end reports without waiting",
      target: { metric: "report_latency", comparator: "lt", value: 800, unit: "ms" },
      baseline: 2400,
      source: { kind: "requirement" },
    });
    expect(body.map((item) => item.verdict)).toEqual(["no_data", "no_data", expect.any(String), "not_met"]);
    expect(body[2]).toMatchObject({ source: { kind: "sla_clause" }, actual: expect.any(Number) });
  });

  it("shows the client's users the same list, and nothing to anyone else", async () => {
    const asViewer = await objectivesRest(viewer, engagement);
    expect(asViewer.status).toBe(200);
    expect(((await asViewer.json()) as unknown[]).length).toBe(4);
    expect((await objectivesRest(null, engagement)).status).toBe(401);
    const other = await objectivesRest(contoso, engagement);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: "NOT_FOUND", reasons: ["Engagement not found."] });
    expect((await objectivesRest(lakeside, engagement)).status).toBe(404);
    expect((await objectivesRest(owner, "missing")).status).toBe(404);
    expect((await objectivesRest(owner, "x".repeat(65))).status).toBe(400);
  });
});
