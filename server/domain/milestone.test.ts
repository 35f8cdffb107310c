import { describe, expect, it } from "vitest";
import { ZGateRequirement } from "./gate";
import { feeProgress } from "./milestone";
import { DEFAULT_MILESTONE_TEMPLATE } from "./milestone-template";
import { BASIS_POINTS_TOTAL } from "./money";

describe("default milestone template", () => {
  it("has the four field milestones summing to 100%", () => {
    expect(DEFAULT_MILESTONE_TEMPLATE.map((m) => [m.key, m.shareBp])).toEqual([
      ["review", 1_500],
      ["poc", 3_000],
      ["delivery", 4_500],
      ["upgrade", 1_000],
    ]);
    expect(DEFAULT_MILESTONE_TEMPLATE.reduce((sum, m) => sum + m.shareBp, 0)).toBe(BASIS_POINTS_TOTAL);
  });

  it("declares gate requirements that pass their own validation", () => {
    for (const requirement of DEFAULT_MILESTONE_TEMPLATE.flatMap((m) => m.requirements)) {
      expect(ZGateRequirement.safeParse(requirement).success).toBe(true);
    }
    expect(ZGateRequirement.safeParse({ kind: "coverage", params: { minPct: 185 } }).success).toBe(false);
    expect(ZGateRequirement.safeParse({ kind: "junit", params: { minTests: 1, extra: true } }).success).toBe(false);
  });
});

describe("feeProgress", () => {
  it("buckets amounts by where the money stands and ignores cancelled milestones", () => {
    const progress = feeProgress([
      { state: "paid", amountMinor: 150 },
      { state: "invoiced", amountMinor: 300 },
      { state: "approved", amountMinor: 50 },
      { state: "in_progress", amountMinor: 400 },
      { state: "cancelled", amountMinor: 100 },
    ]);
    expect(progress).toEqual({
      paidMinor: 150,
      invoicedMinor: 300,
      approvedMinor: 50,
      openMinor: 400,
      milestonesDone: 1,
      milestonesTotal: 4,
    });
  });
});
