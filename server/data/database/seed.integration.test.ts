import { describe, expect, it } from "vitest";
import { tamperWithAuditEvent } from "../audit/testing";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { verifyAuditChain } from "../../domain/audit";
import { loadAuditChain } from "../audit/chain";
import { prisma } from "../prisma-client";
import { resolveOrgScope } from "../scope";
import { engagementCompliance } from "../sla/compliance";
import { databaseFingerprint, idOf, organisationIdOf, seedForTests, sessionFor, testDatabaseKinds } from "../testing";
import { useTestDatabase } from "../../test-support/database";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";

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
    expect(engagement.objectives.map((o) => o.painStatement).sort()).toEqual([
      "Blocks must be re-synced by hand",
      "Export stutters",
      "Reports are slow",
      "Yesterday's data is missing",
    ]);
    expect(engagement.slaClauses.map((c) => [c.title, c.metric, c.timezone, c.period]).sort()).toEqual([
      ["Availability", "availability", "Asia/Shanghai", "year"],
      ["Data integrity", "integrity", "Asia/Shanghai", "month"],
      ["Error rate", "error_rate", "Asia/Shanghai", "month"],
      ["Sync delay", "latency_percentile", "Asia/Shanghai", "month"],
    ]);
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
      engagement.debtItems.map((d) => [d.impact, d.costPerQuarterLikelyMinor, d.fixDaysLikely.toString()]).sort(),
    ).toEqual([
      ["critical", 420_000_000n, "17"],
      ["high", 86_500_000n, "5"],
    ]);
  });

  it("measures November 2026: two sync-delay incidents, one capped at CNY 85,000, the maintenance excluded", async () => {
    const owner = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    const engagementId = await idOf("engagement", { title: EASTBANK });
    const report = await engagementCompliance(owner, engagementId, "2026-11", new Date("2026-12-02T00:00:00Z"));
    const clause = (title: string) => report.clauses.find((c) => c.title === title)!;
    expect(report.currency).toBe("CNY");
    expect(clause("Sync delay")).toMatchObject({
      met: false,
      // 30 days of 5-minute windows, 24 of them inside the maintenance window
      windows: { total: 8640 - 24, breached: 45 + 4, noData: 0, excluded: 24 },
      incidents: [
        { from: "2026-11-03T02:00:00.000Z", to: "2026-11-03T05:45:00.000Z", windows: 45, creditMinor: 8_500_000 },
        { from: "2026-11-20T07:00:00.000Z", to: "2026-11-20T07:20:00.000Z", windows: 4, creditMinor: 800_000 },
      ],
      creditMinor: 9_300_000,
      capped: true,
    });
    expect(clause("Data integrity")).toMatchObject({ value: 100, met: true, creditMinor: 0 });
    expect(clause("Availability")).toMatchObject({ met: true, creditApplies: false });
    expect(clause("Availability").value).toBeCloseTo((100 * (43_200 - 2)) / 43_200, 9);
    expect(clause("Error rate")).toMatchObject({
      met: false,
      incidents: [{ from: "2026-11-12T06:00:00.000Z", to: "2026-11-12T06:15:00.000Z", windows: 3, creditMinor: 0 }],
    });
    expect(report.totalCreditMinor).toBe(9_300_000);
    const items = await prisma().actionItem.findMany({ where: { engagementId } });
    expect(items).toEqual([
      expect.objectContaining({
        title: "Joint load test",
        source: "sla_trigger",
        clauseId: clause("Error rate").id,
        episodeFrom: new Date("2026-11-12T06:00:00.000Z"),
        episodeTo: new Date("2026-11-12T06:15:00.000Z"),
        status: "open",
      }),
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
