import { describe, expect, it } from "vitest";
import { engagementAmounts, idOf, sessionFor, testDatabaseKinds } from "../data/testing";
import { createCaller } from "./root";
import { useTestDatabase } from "../test-support/database";

describe.each(testDatabaseKinds())("editing an engagement plan on %s", (kind) => {
  useTestDatabase(kind);

  it("changes shares, order and gates before work starts, keeping milestone ids, then locks", async () => {
    const api = createCaller({ session: await sessionFor("owner@northwind.test") });
    const engagementId = await idOf("engagement", { title: "Checkout latency review" });
    const before = await api.engagement.get({ id: engagementId });
    const reviewId = before.milestones.find((m) => m.key === "review")?.id;

    await api.engagement.updatePlan({
      engagementId,
      plan: {
        clientId: before.client.id,
        title: "Checkout latency review (phase 1)",
        currency: "EUR",
        feeMinor: 2_500_001,
        taxRateBp: 1_900,
        startDate: "2026-10-05",
        paymentTermsDays: 14,
        milestones: [
          {
            key: "poc",
            title: "Proof of concept",
            kind: "standard",
            shareBp: 5_000,
            requirements: [{ kind: "load-test", params: { percentile: "p99", maxMs: 800 } }],
          },
          { key: "review", title: "Architecture review", kind: "standard", shareBp: 5_000, requirements: [] },
        ],
      },
    });
    const after = await api.engagement.get({ id: engagementId });
    expect(after.title).toBe("Checkout latency review (phase 1)");
    expect(after.milestones.map((m) => [m.key, m.amountMinor])).toEqual([
      ["poc", 1_250_001],
      ["review", 1_250_000],
    ]);
    expect(after.milestones.find((m) => m.key === "review")?.id).toBe(reviewId);
    expect(after.milestones[0]?.gate.checks.map((c) => c.kind)).toEqual(["load-test"]);
    const sums = await engagementAmounts(engagementId);
    expect(sums.sum).toBe(sums.feeMinor);
    expect((await api.engagement.audit({ engagementId })).map((e) => e.action)).toContain("engagement.plan_changed");

    await api.milestone.transition({ milestoneId: reviewId!, action: "start" });
    await expect(
      api.engagement.updatePlan({
        engagementId,
        plan: {
          ...{
            clientId: before.client.id,
            title: "x",
            currency: "EUR",
            feeMinor: 1,
            taxRateBp: 0,
            startDate: "2026-10-05",
            paymentTermsDays: 30,
          },
          milestones: [{ key: "all", title: "All", kind: "standard", shareBp: 10_000, requirements: [] }],
        },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("work has started on Architecture review"),
    });
  });

  it("refuses shares that do not total 100% and duplicate keys", async () => {
    const api = createCaller({ session: await sessionFor("owner@contoso.test") });
    const engagementId = await idOf("engagement", { title: "Claims platform performance audit" });
    const clientId = await idOf("client", { name: "Fabrikam Insurance" });
    const plan = {
      clientId,
      title: "x",
      currency: "USD" as const,
      feeMinor: 100,
      taxRateBp: 0,
      startDate: "2026-08-15",
      milestones: [
        { key: "a", title: "A", kind: "standard" as const, shareBp: 6_000, requirements: [] },
        { key: "a", title: "B", kind: "standard" as const, shareBp: 3_000, requirements: [] },
      ],
    };
    const error = await api.engagement.updatePlan({ engagementId, plan }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(String((error as Error).message)).toMatch(/90%, not 100%/);
    expect(String((error as Error).message)).toMatch(/used twice/);
  });
});
