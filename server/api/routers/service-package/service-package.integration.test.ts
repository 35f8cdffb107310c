import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import {
  createTestDatabase,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../../../data/testing";
import { PRIVATE_DEPLOYMENT } from "../../../domain/proposal/default-packages";
import { Refusal } from "../../refusals";
import { createCaller } from "../../root";

async function failureOf(call: Promise<unknown>): Promise<{ code: string; refusal: string | null; reasons: string[] }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const refusal = error.cause instanceof Refusal ? error.cause : null;
    return { code: error.code, refusal: refusal?.code ?? null, reasons: refusal?.reasons ?? [error.message] };
  }
  throw new Error("expected a failure");
}

describe.each(testDatabaseKinds())("servicePackage procedures on %s", (kind) => {
  let db: TestDatabase;
  let owner: ReturnType<typeof createCaller>;
  let contoso: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    contoso = createCaller({ session: await sessionFor("owner@contoso.test") });
  });
  afterAll(() => db.drop());

  it("quotes a package live: the price with its formula in the asked language, and the quantities' problems", async () => {
    const created = await owner.servicePackage.create({ fields: PRIVATE_DEPLOYMENT });
    const atDefaults = await owner.servicePackage.quote({ packageId: created.id, quantities: {} });
    expect(atDefaults).toMatchObject({ currency: "CNY", problems: [], price: { totalMinor: 54_000_000 } });
    expect(atDefaults.price?.formula).toMatch(/^CNY 200,000.00 \+ 4 nodes x CNY 50,000.00 .* = CNY 540,000.00$/);
    const bigger = await owner.servicePackage.quote({
      packageId: created.id,
      quantities: { nodes: 6, daily_volume: 12.25, retention_years: 10 },
      locale: "zh-CN",
    });
    expect(bigger.price?.totalMinor).toBe(20_000_000 + 6 * 5_000_000 + 24_500_000 + 10_000_000);
    const wrong = await owner.servicePackage.quote({ packageId: created.id, quantities: { nodes: 1.5, disks: 2 } });
    expect(wrong.problems.map((p) => [p.key, p.code])).toEqual([
      ["disks", "unknown_key"],
      ["nodes", "not_whole"],
    ]);
    expect((await failureOf(contoso.servicePackage.quote({ packageId: created.id, quantities: {} }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("answers a stale edit and a taken name as CONFLICT with the reason, bad fields as BAD_REQUEST", async () => {
    const created = await owner.servicePackage.create({ fields: { ...PRIVATE_DEPLOYMENT, name: "Deployment B" } });
    await owner.servicePackage.edit({
      packageId: created.id,
      revision: 1,
      fields: { ...PRIVATE_DEPLOYMENT, name: "Deployment C" },
    });
    const stale = await failureOf(
      owner.servicePackage.edit({ packageId: created.id, revision: 1, fields: { ...PRIVATE_DEPLOYMENT, name: "X" } }),
    );
    expect(stale).toMatchObject({ code: "CONFLICT", refusal: "CONFLICT" });
    const taken = await failureOf(
      owner.servicePackage.create({ fields: { ...PRIVATE_DEPLOYMENT, name: "Deployment C" } }),
    );
    expect(taken).toMatchObject({ code: "CONFLICT", refusal: "NAME_TAKEN" });
    expect(taken.reasons[0]).toMatch(/^name: /);
    const shares = await failureOf(
      owner.servicePackage.create({
        fields: { ...PRIVATE_DEPLOYMENT, name: "Deployment D", milestones: PRIVATE_DEPLOYMENT.milestones.slice(1) },
      }),
    );
    expect(shares.code).toBe("BAD_REQUEST");
  });

  it("lists archived packages only when asked for, and never offers a delete", async () => {
    const created = await owner.servicePackage.create({ fields: { ...PRIVATE_DEPLOYMENT, name: "Old deployment" } });
    await owner.servicePackage.archive({ packageId: created.id, archived: true });
    expect((await owner.servicePackage.list({})).map((p) => p.id)).not.toContain(created.id);
    expect(
      (await owner.servicePackage.list({ includeArchived: true })).find((p) => p.id === created.id)?.archived,
    ).toBe(true);
    expect((await owner.servicePackage.get({ packageId: created.id })).archived).toBe(true);
    expect(Object.keys(owner.servicePackage)).not.toContain("delete");
  });
});
