import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { prisma } from "../data/prisma-client";
import {
  createTestDatabase,
  idOf,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../data/testing";
import { errorCodeOf } from "./test-support/error-code";
import { createCaller } from "./root";

// The register through the consultant's procedures: entered, priced at the engagement's day rate,
// ranked by WSJF, edited with its history.

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";

describe.each(testDatabaseKinds())("debt procedures on %s", (kind) => {
  let db: TestDatabase;
  let engagementId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    engagementId = await idOf("engagement", { title: EASTBANK });
  });
  afterAll(() => db.drop());

  it("ranks the register by WSJF and prices fixes once the engagement has a day rate", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    await prisma().engagement.update({ where: { id: engagementId }, data: { dayRateMinor: null } });
    const unpriced = await owner.debt.list({ engagementId });
    expect(unpriced.currency).toBe("CNY");
    expect(unpriced.dayRateMinor).toBeNull();
    expect(unpriced.figures.every((figure) => figure.fixCostMinor === null)).toBe(true);

    const created = await owner.debt.create({
      engagementId,
      fields: { title: "Sync table without index", impact: "medium", costPerQuarterMinor: 13_000_000, fixDays: 0.5 },
    });
    await prisma().engagement.update({ where: { id: engagementId }, data: { dayRateMinor: 1_200_000n } });
    const register = await owner.debt.list({ engagementId });
    expect(register.dayRateMinor).toBe(1_200_000);
    expect(register.items.map((item) => item.id)).toContain(created.id);
    const wsjf = register.figures.map((figure) => figure.wsjf);
    expect(wsjf).toEqual([...wsjf].sort((a, b) => b - a));
    expect(register.figures.find((figure) => figure.id === created.id)).toMatchObject({
      fixCostMinor: 600_000,
      costOfDelayPerWeekMinor: 1_000_000,
    });
    const gateway = register.figures.find((figure) => figure.title.startsWith("Legacy JSON-RPC"));
    expect(gateway?.fixCostMinor).toBe(17 * 1_200_000);
  });

  it("edits with the revision it was made on and keeps the history", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    const fields = { title: "Block fetcher retries", impact: "high" as const, costPerQuarterMinor: 1_000, fixDays: 2 };
    const created = await owner.debt.create({ engagementId, fields });
    const edited = await owner.debt.edit({
      debtItemId: created.id,
      expectedRevision: 1,
      fields: { ...fields, status: "scheduled", scheduledMonth: "2027-01" },
    });
    expect(edited).toMatchObject({ revision: 2, status: "scheduled", scheduledMonth: "2027-01" });
    expect(await errorCodeOf(owner.debt.edit({ debtItemId: created.id, expectedRevision: 1, fields }))).toBe(
      "CONFLICT",
    );
    const history = await owner.debt.revisions({ debtItemId: created.id });
    expect(history.map((r) => [r.revision, r.fields.status, r.actorName])).toEqual([
      [1, "open", "Nora Lindqvist"],
      [2, "scheduled", "Nora Lindqvist"],
    ]);
    expect(
      await errorCodeOf(
        owner.debt.create({ engagementId, fields: { ...fields, objectiveIds: ["c000000000000000000000000"] } }),
      ),
    ).toBe("UNPROCESSABLE_CONTENT");
    await owner.debt.delete({ debtItemId: created.id });
    expect(await errorCodeOf(owner.debt.revisions({ debtItemId: created.id }))).toBe("NOT_FOUND");
  });
});
