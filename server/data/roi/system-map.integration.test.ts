import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import type { DebtItemFieldsInput } from "../../domain/debt/item";
import { createDebtItem, debtItemRevisions } from "../debt/items";
import { prisma, toMinor } from "../prisma-client";
import { DataRefusal } from "../refusal";
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
import {
  addDependency,
  attachToComponent,
  createComponent,
  deleteComponent,
  editComponent,
  removeDependency,
  systemMap,
} from "./system-map";
import { countStatements } from "./test-support";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const LAKESIDE = "Checkout latency review";

async function refusalOf(call: Promise<unknown>): Promise<{ code: string; reasons: string[] }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DataRefusal) return { code: error.code, reasons: error.reasons };
    throw error;
  }
  throw new Error("expected a refusal");
}

const debt = (title: string, likely: number): DebtItemFieldsInput => ({
  title,
  impact: "high",
  costPerQuarterMinor: { low: likely / 2, likely, high: likely * 2 },
  fixDays: 5,
});

describe.each(testDatabaseKinds())("system map on %s", (kind) => {
  let db: TestDatabase;
  let northwind: OrgScope;
  let contoso: OrgScope;
  let eastbankApprover: ClientScope;
  let lakesideApprover: ClientScope;
  let eastbankId: string;
  let lakesideId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    northwind = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    contoso = (await resolveOrgScope((await sessionFor("owner@contoso.test")).userId))!;
    eastbankApprover = (await resolveClientScope((await sessionFor("approver@eastbank.test")).userId))!;
    lakesideApprover = (await resolveClientScope((await sessionFor("approver@lakeside.test")).userId))!;
    eastbankId = await idOf("engagement", { title: EASTBANK });
    lakesideId = await idOf("engagement", { title: LAKESIDE });
  });
  afterAll(() => db.drop());

  it("names a component once per engagement and takes fees only from the engagement's milestones", async () => {
    const [poc] = await prisma().milestone.findMany({
      where: { engagementId: eastbankId },
      orderBy: { position: "asc" },
    });
    const created = await createComponent(northwind, eastbankId, {
      name: " Sync worker ",
      kind: "service",
      milestoneIds: [poc!.id],
    });
    expect(created).toMatchObject({ name: "Sync worker", kind: "service", milestoneIds: [poc!.id] });
    expect(await countAuditEvents("system_component.created", created.id)).toBe(1);
    const twin = await refusalOf(
      createComponent(northwind, eastbankId, { name: "Sync worker", kind: "queue", milestoneIds: [] }),
    );
    expect(twin.code).toBe("CONFLICT");
    // the same name in another engagement is another component
    await createComponent(northwind, lakesideId, { name: "Sync worker", kind: "service", milestoneIds: [] });
    const lakesideMilestone = await prisma().milestone.findFirstOrThrow({ where: { engagementId: lakesideId } });
    const foreign = await refusalOf(
      editComponent(northwind, created.id, {
        name: "Sync worker",
        kind: "service",
        milestoneIds: [lakesideMilestone.id],
      }),
    );
    expect(foreign).toEqual({
      code: "UNPROCESSABLE",
      reasons: [`milestoneIds: no milestone ${lakesideMilestone.id} in this engagement`],
    });
    const renamed = await editComponent(northwind, created.id, {
      name: "Sync workers",
      kind: "service",
      milestoneIds: [],
    });
    expect(renamed.name).toBe("Sync workers");
    expect(await countAuditEvents("system_component.edited", created.id)).toBe(1);
  });

  it("draws dependencies between components of one engagement, cycles included, never a self-edge", async () => {
    const gateway = await createComponent(northwind, eastbankId, {
      name: "RPC gateway",
      kind: "gateway",
      milestoneIds: [],
    });
    const node = await createComponent(northwind, eastbankId, {
      name: "Chain node",
      kind: "external",
      milestoneIds: [],
    });
    const other = await createComponent(northwind, lakesideId, { name: "Checkout", kind: "service", milestoneIds: [] });
    await addDependency(northwind, { fromId: gateway.id, toId: node.id, label: "JSON-RPC" });
    await addDependency(northwind, { fromId: node.id, toId: gateway.id });
    expect((await refusalOf(addDependency(northwind, { fromId: gateway.id, toId: gateway.id }))).code).toBe(
      "UNPROCESSABLE",
    );
    expect((await refusalOf(addDependency(northwind, { fromId: gateway.id, toId: other.id }))).code).toBe("NOT_FOUND");
    expect((await refusalOf(addDependency(contoso, { fromId: gateway.id, toId: node.id }))).code).toBe("NOT_FOUND");
    let map = await systemMap(northwind, eastbankId);
    expect(map.dependencies).toEqual(
      expect.arrayContaining([
        { fromId: gateway.id, toId: node.id, label: "JSON-RPC" },
        { fromId: node.id, toId: gateway.id, label: "" },
      ]),
    );
    await removeDependency(northwind, { fromId: node.id, toId: gateway.id });
    map = await systemMap(northwind, eastbankId);
    expect(map.dependencies.filter((d) => d.fromId === node.id)).toEqual([]);
    expect((await refusalOf(removeDependency(northwind, { fromId: node.id, toId: gateway.id }))).code).toBe(
      "NOT_FOUND",
    );
    await deleteComponent(northwind, node.id);
    map = await systemMap(northwind, eastbankId);
    expect(map.components.map((c) => c.id)).not.toContain(node.id);
    expect(map.dependencies.filter((d) => d.toId === node.id)).toEqual([]);
  });

  it("attaches debt, SLA clauses and objectives and prices each component, in at most 3 statements", async () => {
    const milestones = await prisma().milestone.findMany({
      where: { engagementId: eastbankId },
      orderBy: { position: "asc" },
      take: 2,
    });
    const storage = await createComponent(northwind, eastbankId, {
      name: "Sync state store",
      kind: "database",
      milestoneIds: milestones.map((m) => m.id),
    });
    const open = await createDebtItem(northwind, eastbankId, debt("Unindexed sync table", 30_000_000));
    const fixed = await createDebtItem(northwind, eastbankId, {
      ...debt("Vacuum never tuned", 5_000_000),
      status: "fixed",
      fixedOn: "2026-11-20",
    });
    const clause = await prisma().slaClause.findFirstOrThrow({ where: { engagementId: eastbankId } });
    const objective = await prisma().objective.findFirstOrThrow({ where: { engagementId: eastbankId } });
    for (const id of [open.id, fixed.id])
      await attachToComponent(northwind, { kind: "debt", id, componentId: storage.id });
    await attachToComponent(northwind, { kind: "sla_clause", id: clause.id, componentId: storage.id });
    await attachToComponent(northwind, { kind: "objective", id: objective.id, componentId: storage.id });

    const { result: map, statements } = await countStatements(db, () => systemMap(eastbankApprover, eastbankId));
    expect(statements.length).toBeLessThanOrEqual(3);
    expect(map.components.find((c) => c.id === storage.id)).toEqual({
      id: storage.id,
      name: "Sync state store",
      kind: "database",
      // the fixed item no longer costs anything
      costOfDelayPerQuarterMinor: 30_000_000,
      feesMinor: milestones.reduce((sum, m) => sum + toMinor(m.amountMinor), 0),
      debtItemIds: [open.id, fixed.id],
      slaClauseIds: [clause.id],
      objectiveIds: [objective.id],
    });
    // a debt item's component is one of its fields: attaching it is an edit with a revision
    expect((await debtItemRevisions(northwind, open.id)).map((r) => r.fields.componentId)).toEqual([null, storage.id]);
    expect(await countAuditEvents("system_component.attached", clause.id)).toBe(1);

    await attachToComponent(northwind, { kind: "objective", id: objective.id, componentId: null });
    expect(await countAuditEvents("system_component.detached", objective.id)).toBe(1);
    await deleteComponent(northwind, storage.id);
    expect((await prisma().debtItem.findUniqueOrThrow({ where: { id: open.id } })).componentId).toBeNull();
  });

  it("refuses attaching across engagements and answers NotFound to other tenants and clients", async () => {
    const here = await createComponent(northwind, eastbankId, {
      name: "Block fetcher",
      kind: "service",
      milestoneIds: [],
    });
    const there = await createComponent(northwind, lakesideId, { name: "Cart", kind: "service", milestoneIds: [] });
    const item = await createDebtItem(northwind, eastbankId, debt("Fetcher retries", 1_000_000));
    expect(
      (await refusalOf(attachToComponent(northwind, { kind: "debt", id: item.id, componentId: there.id }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (await refusalOf(attachToComponent(contoso, { kind: "debt", id: item.id, componentId: here.id }))).code,
    ).toBe("NOT_FOUND");
    expect((await refusalOf(systemMap(contoso, eastbankId))).code).toBe("NOT_FOUND");
    expect((await refusalOf(systemMap(lakesideApprover, eastbankId))).code).toBe("NOT_FOUND");
    expect(
      (await refusalOf(editComponent(contoso, here.id, { name: "x", kind: "service", milestoneIds: [] }))).code,
    ).toBe("NOT_FOUND");
    expect((await refusalOf(deleteComponent(contoso, here.id))).code).toBe("NOT_FOUND");
    expect(
      (await refusalOf(createComponent(contoso, eastbankId, { name: "x", kind: "service", milestoneIds: [] }))).code,
    ).toBe("NOT_FOUND");
  });
});
