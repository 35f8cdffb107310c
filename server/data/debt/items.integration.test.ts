import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import type { DebtItemFieldsInput } from "../../domain/debt/item";
import { createAdr } from "../adr/write";
import { prisma } from "../prisma-client";
import { DataRefusal } from "../refusal";
import { createComponent } from "../roi/system-map";
import { resolveClientScope, resolveOrgScope, type ClientScope, type OrgScope } from "../scope";
import {
  countAuditEvents,
  createTestDatabase,
  idOf,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../testing";
import { createDebtItem, debtItemRevisions, deleteDebtItem, editDebtItem, listDebtItems } from "./items";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const LAKESIDE = "Checkout latency review";
const FABRIKAM = "Claims platform performance audit";

const GATEWAY: DebtItemFieldsInput = {
  title: "Legacy JSON-RPC gateway without circuit breaker",
  impact: "critical",
  costPerQuarterMinor: { low: 300_000_000, likely: 420_000_000, high: 600_000_000 },
  fixDays: { low: 12, likely: 17, high: 25.5 },
  plAccount: "lost revenue",
};

async function refusalOf(call: Promise<unknown>): Promise<{ code: string; reasons: string[] }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DataRefusal) return { code: error.code, reasons: error.reasons };
    throw error;
  }
  throw new Error("expected a refusal");
}

const ADR_DRAFT = {
  title: "Elsewhere",
  date: "2026-12-01",
  deciders: [],
  context: "",
  decisionDrivers: [],
  consideredOptions: [],
  decisionOutcome: "",
  consequences: "",
  validation: "",
};

describe.each(testDatabaseKinds())("debt register on %s", (kind) => {
  let db: TestDatabase;
  let northwind: OrgScope;
  let contoso: OrgScope;
  let eastbankApprover: ClientScope;
  let lakesideApprover: ClientScope;
  let eastbankId: string;
  let lakesideId: string;
  let ids: { objective: string; adr: string; requirement: string; lakesideAdr: string; contosoAdr: string };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    northwind = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    contoso = (await resolveOrgScope((await sessionFor("owner@contoso.test")).userId))!;
    eastbankApprover = (await resolveClientScope((await sessionFor("approver@eastbank.test")).userId))!;
    lakesideApprover = (await resolveClientScope((await sessionFor("approver@lakeside.test")).userId))!;
    eastbankId = await idOf("engagement", { title: EASTBANK });
    lakesideId = await idOf("engagement", { title: LAKESIDE });
    const fabrikamId = await idOf("engagement", { title: FABRIKAM });
    const where = { engagementId: eastbankId };
    ids = {
      objective: (await prisma().objective.findFirstOrThrow({ where })).id,
      adr: (await prisma().adr.findFirstOrThrow({ where })).id,
      requirement: (await prisma().gateRequirement.findFirstOrThrow({ where: { milestone: where } })).id,
      lakesideAdr: (await createAdr(northwind, lakesideId, { ...ADR_DRAFT, consulted: [], informed: [] }, "proposed"))
        .id,
      contosoAdr: (await createAdr(contoso, fabrikamId, { ...ADR_DRAFT, consulted: [], informed: [] }, "proposed")).id,
    };
  });
  afterAll(() => db.drop());

  it("keeps the demo's items as written by the seed, each with its first revision", async () => {
    const items = await listDebtItems(northwind, eastbankId);
    const seeded = items.filter((item) => item.source === null && item.title.startsWith("Legacy JSON-RPC"));
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatchObject({
      impact: "critical",
      costPerQuarterMinor: { low: 360_000_000, likely: 420_000_000, high: 500_000_000 },
      fixDays: { low: 14, likely: 17, high: 24 },
      status: "scheduled",
      scheduledMonth: "2026-12",
      revision: 1,
    });
    expect(await debtItemRevisions(northwind, seeded[0]!.id)).toHaveLength(1);
  });

  it("creates an item with ranges and links, audited, and shows it to the engagement's client", async () => {
    const created = await createDebtItem(northwind, eastbankId, {
      ...GATEWAY,
      status: "scheduled",
      scheduledMonth: "2027-02",
      objectiveIds: [ids.objective],
      adrIds: [ids.adr],
      requirementIds: [ids.requirement],
    });
    expect(created).toMatchObject({
      engagementId: eastbankId,
      revision: 1,
      costPerQuarterMinor: { low: 300_000_000, likely: 420_000_000, high: 600_000_000 },
      fixDays: { low: 12, likely: 17, high: 25.5 },
      status: "scheduled",
      scheduledMonth: "2027-02",
      fixedOn: null,
      objectiveIds: [ids.objective],
    });
    const row = await prisma().debtItem.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.scheduledMonth?.toISOString()).toBe("2027-02-01T00:00:00.000Z");
    expect(await countAuditEvents("debt_item.created", created.id)).toBe(1);
    expect((await listDebtItems(eastbankApprover, eastbankId)).map((item) => item.id)).toContain(created.id);
  });

  it("keeps every edit as a revision with who made it, and refuses an edit made on a stale revision", async () => {
    const created = await createDebtItem(northwind, eastbankId, { ...GATEWAY, title: "Retry queue" });
    const edited = await editDebtItem(
      northwind,
      created.id,
      { ...GATEWAY, title: "Retry queue", status: "fixed", fixedOn: "2027-03-15", fixDays: 5 },
      1,
    );
    expect(edited).toMatchObject({ revision: 2, status: "fixed", fixedOn: "2027-03-15", fixDays: { likely: 5 } });
    const stale = await refusalOf(editDebtItem(northwind, created.id, { ...GATEWAY, title: "Lost" }, 1));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.reasons.join()).toMatch(/revision 1 \(now 2\)/);
    const history = await debtItemRevisions(northwind, created.id);
    expect(history.map((r) => [r.revision, r.fields.status, r.fields.fixDays.likely, r.actorName])).toEqual([
      [1, "open", 17, "Nora Lindqvist"],
      [2, "fixed", 5, "Nora Lindqvist"],
    ]);
    expect(await countAuditEvents("debt_item.edited", created.id)).toBe(1);
    expect((await prisma().debtItem.findUniqueOrThrow({ where: { id: created.id } })).title).toBe("Retry queue");
  });

  it("refuses fields that do not add up, naming the field", async () => {
    const inverted = await refusalOf(
      createDebtItem(northwind, eastbankId, { ...GATEWAY, fixDays: { low: 5, likely: 3, high: 8 } }),
    );
    expect(inverted).toEqual({ code: "UNPROCESSABLE", reasons: [expect.stringMatching(/^fixDays/)] });
    const monthless = await refusalOf(createDebtItem(northwind, eastbankId, { ...GATEWAY, status: "scheduled" }));
    expect(monthless.reasons).toEqual([expect.stringMatching(/^scheduledMonth/)]);
    const noSuchDay = await refusalOf(
      createDebtItem(northwind, eastbankId, { ...GATEWAY, status: "fixed", fixedOn: "2027-02-30" }),
    );
    expect(noSuchDay.reasons).toEqual([expect.stringMatching(/^fixedOn/)]);
  });

  it("links only to records of the same engagement; another tenant's id reads like a missing one", async () => {
    const component = await createComponent(northwind, lakesideId, {
      name: "Checkout",
      kind: "service",
      milestoneIds: [],
    });
    const refused = await refusalOf(
      createDebtItem(northwind, eastbankId, {
        ...GATEWAY,
        adrIds: [ids.adr, ids.lakesideAdr],
        requirementIds: ["c000000000000000000000000"],
        componentId: component.id,
      }),
    );
    expect(refused.code).toBe("UNPROCESSABLE");
    expect(refused.reasons).toEqual([
      `adrIds: no ADR ${ids.lakesideAdr} in this engagement`,
      "requirementIds: no gate requirement c000000000000000000000000 in this engagement",
      `componentId: no component ${component.id} in this engagement`,
    ]);
    const foreign = await refusalOf(createDebtItem(northwind, eastbankId, { ...GATEWAY, adrIds: [ids.contosoAdr] }));
    const missing = await refusalOf(
      createDebtItem(northwind, eastbankId, { ...GATEWAY, adrIds: ["c000000000000000000000001"] }),
    );
    expect(foreign.reasons[0]!.replace(ids.contosoAdr, "ID")).toBe(
      missing.reasons[0]!.replace("c000000000000000000000001", "ID"),
    );
  });

  it("answers NotFound to another organisation and to another client, and deletes with an audit event", async () => {
    const created = await createDebtItem(northwind, eastbankId, { ...GATEWAY, title: "To delete" });
    const notFound = { code: "NOT_FOUND", reasons: expect.any(Array) };
    expect(await refusalOf(editDebtItem(contoso, created.id, GATEWAY, 1))).toEqual(notFound);
    expect(await refusalOf(deleteDebtItem(contoso, created.id))).toEqual(notFound);
    expect(await refusalOf(debtItemRevisions(contoso, created.id))).toEqual(notFound);
    expect(await refusalOf(listDebtItems(contoso, eastbankId))).toEqual(notFound);
    expect(await refusalOf(listDebtItems(lakesideApprover, eastbankId))).toEqual(notFound);
    expect(await refusalOf(createDebtItem(contoso, eastbankId, GATEWAY))).toEqual(notFound);
    await deleteDebtItem(northwind, created.id);
    expect(await prisma().debtItem.count({ where: { id: created.id } })).toBe(0);
    expect(await countAuditEvents("debt_item.deleted", created.id)).toBe(1);
    expect(await refusalOf(deleteDebtItem(northwind, created.id))).toEqual(notFound);
  });

  it("holds at most 500 items per engagement, so the ROI's sums stay exact", async () => {
    const held = await prisma().debtItem.count({ where: { engagementId: lakesideId } });
    await prisma().debtItem.createMany({
      data: Array.from({ length: 500 - held }, (_, index) => ({
        organisationId: northwind.organisationId,
        engagementId: lakesideId,
        title: `Filler ${index}`,
        impact: "low" as const,
        costPerQuarterLowMinor: 0n,
        costPerQuarterLikelyMinor: 0n,
        costPerQuarterHighMinor: 0n,
        fixDaysLow: 1,
        fixDaysLikely: 1,
        fixDaysHigh: 1,
      })),
    });
    const refused = await refusalOf(createDebtItem(northwind, lakesideId, { ...GATEWAY, title: "One too many" }));
    expect(refused).toMatchObject({ code: "UNPROCESSABLE" });
    expect(await prisma().debtItem.count({ where: { engagementId: lakesideId } })).toBe(500);
  });
});
