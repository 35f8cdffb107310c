import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import {
  createTestDatabase,
  idOf,
  seedForTests,
  sessionFor,
  setEngagementHidesAmounts,
  testDatabaseKinds,
  type TestDatabase,
} from "../../data/testing";
import { getEngagementRest, listEngagementsRest } from "./engagements";
import { openApiDocument } from "./openapi";

const EASTBANK_ENGAGEMENT = "Financial-grade blockchain data synchroniser — private deployment";

describe.each(testDatabaseKinds())("REST read API on %s", (kind) => {
  let db: TestDatabase;
  let eastbankId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    eastbankId = await idOf("engagement", { title: EASTBANK_ENGAGEMENT });
  });
  afterAll(() => db.drop());

  it("lists the consultant's engagements with integer minor-unit fees", async () => {
    const response = await listEngagementsRest(await sessionFor("owner@northwind.test"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      engagements: { id: string; currency: string; feeMinor: number; client: string }[];
    };
    expect(body.engagements).toContainEqual(
      expect.objectContaining({ id: eastbankId, currency: "CNY", feeMinor: 100_000_000, client: "Eastbank" }),
    );
    expect(body.engagements.map((e) => e.client).sort()).toEqual(["Eastbank", "Lakeside Retail"]);
  });

  it("returns the demo engagement's milestones and exact amounts", async () => {
    const response = await getEngagementRest(await sessionFor("owner@northwind.test"), eastbankId);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      milestones: { key: string; amountMinor: number; shareBp: number; state: string }[];
    };
    expect(body.milestones.map((m) => [m.key, m.shareBp, m.amountMinor, m.state])).toEqual([
      ["review", 1_500, 15_000_000, "planned"],
      ["poc", 3_000, 30_000_000, "planned"],
      ["delivery", 4_500, 45_000_000, "planned"],
      ["upgrade", 1_000, 10_000_000, "planned"],
    ]);
  });

  it("shows a client user only their own client's engagements", async () => {
    const response = await listEngagementsRest(await sessionFor("approver@eastbank.test"));
    const body = (await response.json()) as { engagements: { id: string }[] };
    expect(body.engagements.map((e) => e.id)).toEqual([eastbankId]);
    expect(JSON.stringify(body)).not.toContain("internalNotes");
  });

  it("hides amounts from viewers when the consultant chooses, never from approvers", async () => {
    await setEngagementHidesAmounts(EASTBANK_ENGAGEMENT, true);
    const viewer = (await (await getEngagementRest(await sessionFor("viewer@eastbank.test"), eastbankId)).json()) as {
      feeMinor: number | null;
      milestones: { amountMinor: number | null }[];
    };
    expect(viewer.feeMinor).toBeNull();
    expect(viewer.milestones.every((m) => m.amountMinor === null)).toBe(true);
    const approver = (await (
      await getEngagementRest(await sessionFor("approver@eastbank.test"), eastbankId)
    ).json()) as { feeMinor: number };
    expect(approver.feeMinor).toBe(100_000_000);
    await setEngagementHidesAmounts(EASTBANK_ENGAGEMENT, false);
  });

  it("answers 401 without a session and 404 for foreign or unknown ids, with JSON errors", async () => {
    const anonymous = await getEngagementRest(null, eastbankId);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "UNAUTHORIZED", reasons: ["Sign in first."] });
    expect((await listEngagementsRest(null)).status).toBe(401);

    for (const email of ["owner@contoso.test", "approver@lakeside.test", "approver@fabrikam.test"]) {
      const foreign = await getEngagementRest(await sessionFor(email), eastbankId);
      expect(foreign.status, email).toBe(404);
      expect(await foreign.json()).toEqual({ error: "NOT_FOUND", reasons: ["Engagement not found."] });
    }
    expect((await getEngagementRest(await sessionFor("owner@northwind.test"), "does-not-exist")).status).toBe(404);
  });
});

describe("OpenAPI document", () => {
  it("lists each operation's documented statuses", () => {
    const responses = (route: string, method: string) =>
      Object.keys(openApiDocument.paths[route]?.[method]?.responses ?? {});
    expect(openApiDocument.openapi).toBe("3.1.0");
    expect(responses("/api/v1/milestones/{id}/transitions", "post")).toEqual([
      "200",
      "400",
      "401",
      "403",
      "404",
      "409",
      "413",
      "415",
      "422",
    ]);
    expect(responses("/api/v1/engagements/{id}", "get")).toEqual(["200", "400", "401", "404"]);
  });
});
