import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { seedDemoPackages } from "../../api/demo-packages";
import type { ServicePackageFieldsInput } from "../../domain/proposal/package";
import { prisma, transaction } from "../prisma-client";
import { DataRefusal } from "../refusal";
import { resolveOrgScope, type OrgScope } from "../scope";
import {
  countAuditEvents,
  createTestDatabase,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../testing";
import { getPackage, listPackages, readPackageIn } from "./read";
import { archivePackage, createPackage, editPackage } from "./write";

const RETAINER: ServicePackageFieldsInput = {
  name: "Performance retainer",
  business: "audit_performance",
  tier: "maintenance",
  currency: "EUR",
  pricing: {
    type: "formula",
    baseMinor: 500_000,
    rateCard: [{ key: "days", label: "Days", unit: "days", rateMinor: 120_000, defaultQuantity: 2, integer: true }],
  },
  milestones: [
    { key: "q1", title: "First quarter", kind: "standard", shareBp: 5_000, requirements: [] },
    { key: "q2", title: "Second quarter", kind: "standard", shareBp: 5_000, requirements: [] },
  ],
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

describe.each(testDatabaseKinds())("service packages on %s", (kind) => {
  let db: TestDatabase;
  let northwind: OrgScope;
  let contoso: OrgScope;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    northwind = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    contoso = (await resolveOrgScope((await sessionFor("owner@contoso.test")).userId))!;
  });
  afterAll(() => db.drop());

  it("seeds the field guide's three packages for the demo, each audited", async () => {
    const ids = await seedDemoPackages(northwind);
    const packages = await listPackages(northwind, { includeArchived: false });
    expect(packages.map((p) => [p.name, p.business, p.tier, p.pricing.type])).toEqual([
      ["Audit & performance package", "audit_performance", "maintenance", "fixed"],
      ["Private deployment", "private_deployment", "custom", "formula"],
      ["SaaS subscription", "saas_subscription", "open_source", "fixed"],
    ]);
    const deployment = await getPackage(northwind, ids.privateDeployment);
    expect(deployment).toMatchObject({ revision: 1, archived: false, proposalCount: 0, currency: "CNY" });
    expect(deployment.milestones.map((m) => [m.key, m.shareBp])).toEqual([
      ["review", 1_500],
      ["poc", 3_000],
      ["delivery", 4_500],
      ["upgrade", 1_000],
    ]);
    expect(deployment.slaClauses.map((c) => c.metric)).toEqual(["availability"]);
    for (const id of Object.values(ids)) expect(await countAuditEvents("service_package.created", id)).toBe(1);
  });

  it("edits on the loaded revision, audited, and refuses an edit made on a stale one", async () => {
    const created = await createPackage(northwind, RETAINER);
    expect(created).toMatchObject({ revision: 1, description: "", slaClauses: [] });
    const edited = await editPackage(northwind, created.id, { ...RETAINER, description: "Two days a quarter" }, 1);
    expect(edited).toMatchObject({ revision: 2, description: "Two days a quarter" });
    expect(await countAuditEvents("service_package.edited", created.id)).toBe(1);
    const stale = await refusalOf(editPackage(northwind, created.id, { ...RETAINER, description: "Lost" }, 1));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.reasons[0]).toMatch(/revision 1 \(now 2\)/);
    expect((await getPackage(northwind, created.id)).description).toBe("Two days a quarter");
    expect(await countAuditEvents("service_package.edited", created.id)).toBe(1);
  });

  it("lets exactly one of two concurrent edits on the same revision win, and one of two creates of a name", async () => {
    const created = await createPackage(northwind, { ...RETAINER, name: "Raced package" });
    const edits = await Promise.allSettled(
      ["First", "Second"].map((description) =>
        editPackage(northwind, created.id, { ...RETAINER, name: "Raced package", description }, 1),
      ),
    );
    expect(edits.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = edits.find((result) => result.status === "rejected");
    expect((lost?.reason as DataRefusal).code).toBe("CONFLICT");
    expect((await getPackage(northwind, created.id)).revision).toBe(2);
    const creates = await Promise.allSettled([1, 2].map(() => createPackage(northwind, { ...RETAINER, name: "Twin" })));
    expect(creates.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((creates.find((result) => result.status === "rejected")?.reason as DataRefusal).code).toBe("NAME_TAKEN");
  });

  it("keeps names unique within an organisation, with a clear refusal, and free across organisations", async () => {
    const taken = await refusalOf(createPackage(northwind, RETAINER));
    expect(taken).toEqual({
      code: "NAME_TAKEN",
      reasons: ['name: a package named "Performance retainer" exists already in this organisation'],
    });
    const other = await createPackage(northwind, { ...RETAINER, name: "Retainer light" });
    expect((await refusalOf(editPackage(northwind, other.id, RETAINER, 1))).code).toBe("NAME_TAKEN");
    expect((await createPackage(contoso, RETAINER)).name).toBe("Performance retainer");
  });

  it("refuses fields that do not make a package, naming the field", async () => {
    const shares = await refusalOf(
      createPackage(northwind, {
        ...RETAINER,
        name: "Bad shares",
        milestones: [{ key: "a", title: "A", kind: "standard", shareBp: 9_000, requirements: [] }],
      }),
    );
    expect(shares).toEqual({ code: "UNPROCESSABLE", reasons: ["milestones: shares sum to 90%, not 100%"] });
    const ceiling = await refusalOf(
      createPackage(northwind, {
        ...RETAINER,
        name: "Too dear",
        pricing: {
          type: "formula",
          baseMinor: 0,
          rateCard: [{ key: "q", label: "Q", unit: "u", rateMinor: 1e13, defaultQuantity: 1, maxQuantity: 1e6 }],
        },
      }),
    );
    expect(ceiling.code).toBe("UNPROCESSABLE");
    expect(ceiling.reasons[0]).toMatch(/^pricing\.rateCard: at the maximum quantities/);
    expect(await prisma().servicePackage.count({ where: { name: { in: ["Bad shares", "Too dear"] } } })).toBe(0);
  });

  it("archives and restores a package, hidden from the default list meanwhile, each audited", async () => {
    const created = await createPackage(northwind, { ...RETAINER, name: "Seasonal audit" });
    const archived = await archivePackage(northwind, created.id, true);
    expect(archived).toMatchObject({ archived: true, revision: 1 });
    expect((await listPackages(northwind, { includeArchived: false })).map((p) => p.id)).not.toContain(created.id);
    expect((await listPackages(northwind, { includeArchived: true })).map((p) => p.id)).toContain(created.id);
    // archiving twice changes nothing and writes nothing
    await archivePackage(northwind, created.id, true);
    expect(await countAuditEvents("service_package.archived", created.id)).toBe(1);
    expect((await archivePackage(northwind, created.id, false)).archived).toBe(false);
    expect(await countAuditEvents("service_package.unarchived", created.id)).toBe(1);
    expect((await listPackages(northwind, { includeArchived: false })).map((p) => p.id)).toContain(created.id);
  });

  it("answers another organisation's package as not found, for every read and write", async () => {
    const mine = await createPackage(northwind, { ...RETAINER, name: "Northwind only" });
    const before = await prisma().servicePackage.findUniqueOrThrow({ where: { id: mine.id } });
    for (const call of [
      () => getPackage(contoso, mine.id),
      () => editPackage(contoso, mine.id, { ...RETAINER, name: "Taken over" }, 1),
      () => archivePackage(contoso, mine.id, true),
      () => transaction((tx) => readPackageIn(tx, contoso.organisationId, mine.id)),
    ])
      expect(await refusalOf(call())).toEqual({ code: "NOT_FOUND", reasons: ["Service package not found."] });
    expect(await prisma().servicePackage.findUniqueOrThrow({ where: { id: mine.id } })).toEqual(before);
    expect((await listPackages(contoso, { includeArchived: true })).map((p) => p.id)).not.toContain(mine.id);
    expect((await transaction((tx) => readPackageIn(tx, northwind.organisationId, mine.id))).name).toBe(
      "Northwind only",
    );
  });
});
