import { describe, expect, it } from "vitest";
import { planChangeOrder, type PlannedMilestone } from "./change-order";

const milestones: PlannedMilestone[] = [
  { id: "review", state: "paid", shareBp: 1_500, amountMinor: 15_000_000, invoicedAmountMinor: 15_000_000 },
  { id: "poc", state: "verified", shareBp: 3_000, amountMinor: 30_000_000, invoicedAmountMinor: null },
  { id: "delivery", state: "planned", shareBp: 4_500, amountMinor: 45_000_000, invoicedAmountMinor: null },
  { id: "upgrade", state: "cancelled", shareBp: 1_000, amountMinor: 10_000_000, invoicedAmountMinor: null },
];

describe("planChangeOrder", () => {
  it("re-splits the remaining fee among open milestones and zeroes cancelled ones", () => {
    const plan = planChangeOrder(milestones, { feeMinor: 100_000_000, sharesBp: { poc: 3_500, delivery: 5_000 } });
    expect(plan).toEqual({
      ok: true,
      feeMinor: 100_000_000,
      milestones: [
        { id: "review", shareBp: 1_500, amountMinor: 15_000_000 },
        { id: "poc", shareBp: 3_500, amountMinor: 35_000_000 },
        { id: "delivery", shareBp: 5_000, amountMinor: 50_000_000 },
        { id: "upgrade", shareBp: 0, amountMinor: 0 },
      ],
    });
  });

  it("keeps invoiced amounts exactly when the fee changes, splitting the rest to the minor unit", () => {
    const plan = planChangeOrder(milestones, { feeMinor: 90_000_001, sharesBp: { poc: 4_250, delivery: 4_250 } });
    if (!plan.ok) throw new Error(plan.reasons.join());
    expect(plan.milestones.map((m) => m.amountMinor)).toEqual([15_000_000, 37_500_001, 37_500_000, 0]);
    expect(plan.milestones.reduce((s, m) => s + m.amountMinor, 0)).toBe(90_000_001);
  });

  it("refuses to touch invoiced or cancelled milestones, bad sums and fees below what is invoiced", () => {
    const plan = planChangeOrder(milestones, {
      feeMinor: 10_000_000,
      sharesBp: { review: 1_000, upgrade: 500, poc: 3_000 },
    });
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.reasons).toEqual([
      "milestone review is invoiced: its share cannot change",
      "milestone upgrade is cancelled: it cannot take a share",
      "milestone delivery needs a share",
      "shares sum to 4500 bp (1500 bp already invoiced), not 10000",
      "the fee cannot be less than what is already invoiced (15000000 minor units)",
    ]);
  });
});
