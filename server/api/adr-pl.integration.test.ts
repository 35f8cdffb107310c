import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import {
  createTestDatabase,
  idOf,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../data/testing";
import { createCaller } from "./root";

// An ADR's P&L label: all four fields or none, kept with each revision, outside the digest a
// client acknowledges, and shown to consultants only.

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";

const DRAFT = {
  title: "Add a circuit breaker to the JSON-RPC gateway",
  date: "2026-12-01",
  deciders: ["Nora Lindqvist"],
  context: "One slow upstream node stalls every sync worker.",
  decisionDrivers: [],
  consideredOptions: [],
  decisionOutcome: "",
  consequences: "",
  validation: "",
};
const OPERATIONS = {
  plAccount: "operations",
  plAmountMinor: 3_000_000,
  plRecurrence: "per_quarter",
  plEffect: "cost",
} as const;

async function messageOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return "OK";
}

describe.each(testDatabaseKinds())("ADR P&L labels on %s", (kind) => {
  let db: TestDatabase;
  let engagementId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    engagementId = await idOf("engagement", { title: EASTBANK });
  });
  afterAll(() => db.drop());

  it("records a label with all four fields, keeps it per revision, and clears it when none is sent", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    const created = await owner.adr.create({ engagementId, draft: DRAFT, ...OPERATIONS });
    const listed = async () => (await owner.adr.list({ engagementId })).find((adr) => adr.id === created.id)!;
    const first = await listed();
    expect(first.pl).toEqual({
      account: "operations",
      amountMinor: 3_000_000,
      recurrence: "per_quarter",
      effect: "cost",
      currency: "CNY",
    });

    await owner.adr.edit({ adrId: created.id, revision: 1, draft: DRAFT, ...OPERATIONS, plEffect: "saving" });
    const second = await listed();
    expect(second.pl?.effect).toBe("saving");
    // the label is not part of the text a client acknowledges
    expect(second.contentSha256).toBe(first.contentSha256);

    await owner.adr.edit({ adrId: created.id, revision: 2, draft: DRAFT });
    expect((await listed()).pl).toBeNull();
    const history = await owner.adr.history({ adrId: created.id });
    expect(history.map((r) => [r.revision, r.pl?.effect ?? null])).toEqual([
      [3, null],
      [2, "saving"],
      [1, "cost"],
    ]);
  });

  it("refuses a label given in part, naming what is missing", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    const message = await messageOf(
      owner.adr.create({ engagementId, draft: DRAFT, plAccount: "operations", plAmountMinor: 3_000_000 }),
    );
    expect(message).toMatch(/^BAD_REQUEST/);
    expect(message).toContain("plRecurrence is missing");
    expect(message).toContain("plEffect is missing");
  });

  it("shows the label to consultants only", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    const created = await owner.adr.create({ engagementId, draft: DRAFT, status: "accepted", ...OPERATIONS });
    const approver = createCaller({ session: await sessionFor("approver@eastbank.test") });
    const seen = (await approver.portal.adr.list({ engagementId })).find((adr) => adr.id === created.id);
    expect(seen).toBeDefined();
    expect(seen!.pl).toBeNull();
  });
});
