import { describe, expect, it } from "vitest";
import { tamperWithAuditEvent } from "../audit/testing";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { verifyAuditChain } from "../../domain/audit";
import { loadAuditChain } from "../audit/chain";
import { prisma } from "../prisma-client";
import { databaseFingerprint, organisationIdOf, seedForTests, testDatabaseKinds } from "../testing";
import { useTestDatabase } from "../../test-support/database";

describe.each(testDatabaseKinds())("demo seed on %s", (kind) => {
  useTestDatabase(kind, { seed: false });

  it("loads the scenario once and is idempotent", async () => {
    expect(await seedForTests(DEMO_ORGANISATIONS)).toEqual({ created: ["northwind", "contoso"] });
    const fingerprint = await databaseFingerprint();
    expect(await seedForTests(DEMO_ORGANISATIONS)).toEqual({ created: [] });
    expect(await databaseFingerprint()).toBe(fingerprint);
  });

  it("holds the PRODUCT.md scenario", async () => {
    const engagement = await prisma().engagement.findFirstOrThrow({
      where: { client: { name: "Eastbank" } },
      include: {
        milestones: { orderBy: { position: "asc" } },
        objectives: true,
        slaClauses: true,
        adrs: true,
        debtItems: true,
      },
    });
    expect(engagement.feeMinor).toBe(100_000_000n);
    expect(engagement.milestones.map((m) => m.amountMinor)).toEqual([
      15_000_000n,
      30_000_000n,
      45_000_000n,
      10_000_000n,
    ]);
    expect(engagement.objectives.map((o) => o.painStatement).sort()).toEqual(["Export stutters", "Reports are slow"]);
    expect(engagement.slaClauses.map((c) => c.metric).sort()).toEqual([
      "availability",
      "data_integrity",
      "sync_delay_p99",
    ]);
    expect(engagement.slaClauses.every((c) => c.creditCapMinor === 8_500_000n)).toBe(true);
    const adr7 = engagement.adrs.find((a) => a.number === 7);
    expect(adr7).toMatchObject({
      title: "Use embedded SQLite storage",
      status: "accepted",
      validationRequirementId: expect.any(String),
    });
    expect(engagement.adrs.find((a) => a.number === 6)).toMatchObject({
      status: "superseded",
      supersededById: adr7?.id,
    });
    expect(
      engagement.debtItems.map((d) => [d.impact, d.costPerQuarterMinor, d.fixEffortDays.toString()]).sort(),
    ).toEqual([
      ["critical", 420_000_000n, "17"],
      ["high", 86_500_000n, "5"],
    ]);
  });

  it("records every seeded change in each tenant's intact audit chain, and detects tampering", async () => {
    const northwind = await organisationIdOf("owner@northwind.test");
    const chain = await loadAuditChain(northwind);
    expect(chain.length).toBeGreaterThan(10);
    expect(verifyAuditChain(chain)).toEqual({ ok: true, events: chain.length });
    expect(chain.map((e) => e.action)).toEqual(
      expect.arrayContaining(["organisation.created", "engagement.created", "adr.created"]),
    );

    const victim = chain[3]!;
    await tamperWithAuditEvent(northwind, victim.seq);
    expect(verifyAuditChain(await loadAuditChain(northwind))).toMatchObject({ ok: false, brokenAtSeq: victim.seq });
  });
});
