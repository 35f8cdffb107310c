import { describe, expect, it } from "vitest";
import type { GateRequirement } from "../../domain/gate";
import { prisma } from "../prisma-client";
import { createEngagement, type NewEngagement } from "./create";
import { NotFound } from "../refusal";
import { resolveOrgScope } from "../scope";
import { databaseFingerprint, idOf, sessionFor, testDatabaseKinds } from "../testing";
import { useTestDatabase } from "../../test-support/database";

describe.each(testDatabaseKinds())("creating an engagement on %s", (kind) => {
  useTestDatabase(kind);

  async function northwindScope() {
    const scope = await resolveOrgScope((await sessionFor("owner@northwind.test")).userId);
    if (!scope) throw new Error("no scope");
    return scope;
  }

  const base = (clientId: string): NewEngagement => ({
    clientId,
    title: "Odd fee split",
    currency: "JPY",
    feeMinor: 1_000_001,
    taxRateBp: 1_000,
    startDate: "2026-12-01",
    milestones: [
      {
        key: "a",
        title: "A",
        kind: "standard",
        shareBp: 3_333,
        requirements: [{ kind: "junit", params: { minTests: 3 } }],
      },
      { key: "b", title: "B", kind: "standard", shareBp: 3_333, requirements: [] },
      { key: "c", title: "C", kind: "prepaid", shareBp: 3_334, requirements: [] },
    ],
  });

  it("splits the fee exactly and stores validated gate parameters", async () => {
    const scope = await northwindScope();
    const created = await createEngagement(scope, base(await idOf("client", { name: "Lakeside Retail" })));
    const milestones = await prisma().milestone.findMany({
      where: { engagementId: created.id },
      orderBy: { position: "asc" },
      include: { requirements: true },
    });
    expect(milestones.map((m) => m.amountMinor)).toEqual([333_300n, 333_300n, 333_401n]);
    expect(milestones[0]?.requirements[0]?.params).toEqual({ minTests: 3 });
  });

  it("refuses another organisation's client and writes nothing", async () => {
    const scope = await northwindScope();
    const before = await databaseFingerprint();
    await expect(createEngagement(scope, base(await idOf("client", { name: "Fabrikam Insurance" })))).rejects.toThrow(
      NotFound,
    );
    expect(await databaseFingerprint()).toBe(before);
  });

  it("refuses invalid gate parameters and writes nothing", async () => {
    const scope = await northwindScope();
    const input = base(await idOf("client", { name: "Lakeside Retail" }));
    input.milestones[0]!.requirements = [
      { kind: "coverage", params: { metric: "lines", minPct: 140 } } as GateRequirement,
    ];
    const before = await databaseFingerprint();
    await expect(createEngagement(scope, input)).rejects.toThrow(/minPct|100/);
    expect(await databaseFingerprint()).toBe(before);
  });
});
