import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cashFlows, monthlyShare } from "./cash-flows";
import type { RoiInputs } from "./inputs";
import { roiInputsArbitrary } from "./inputs-scenarios.fixture";
import { sampleRoiInputs } from "./report.fixture";

const empty: RoiInputs = { ...sampleRoiInputs, horizonMonths: 12, milestones: [], debt: [], objectives: [], adrs: [] };
const point = (value: number) => ({ low: value, likely: value, high: value });
const gateway = sampleRoiInputs.debt[0]!;

describe("monthlyShare", () => {
  it("spreads a quarter over its months, the remainder to the first months", () => {
    expect([0, 1, 2, 3].map((m) => monthlyShare(100, m))).toEqual([34, 33, 33, 34]);
    expect([0, 1, 2].map((m) => monthlyShare(101, m))).toEqual([34, 34, 33]);
    expect([0, 1, 2].map((m) => monthlyShare(86_500_000, m))).toEqual([28_833_334, 28_833_333, 28_833_333]);
  });

  it("sums every quarter to exactly the amount, each month within one minor unit of a third", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.integer({ min: 0, max: 40 }), (amount, quarter) => {
        const months = [0, 1, 2].map((m) => monthlyShare(amount, 3 * quarter + m));
        expect(months.reduce((a, b) => a + b, 0)).toBe(amount);
        for (const share of months) expect(Math.abs(share - amount / 3)).toBeLessThan(1);
      }),
    );
  });
});

describe("cashFlows", () => {
  it("gives the field guide's first months", () => {
    const flows = cashFlows(sampleRoiInputs);
    expect(flows).toHaveLength(36);
    expect(flows.slice(0, 4)).toEqual([
      // the first milestone (15% of CNY 2,400,000)
      { month: 0, investmentMinor: 36_000_000, benefitMinor: 0, netMinor: -36_000_000 },
      // the retry queue's fix (5 days x CNY 12,000); the ADR's saving of CNY 90,000 a quarter from the month after it
      { month: 1, investmentMinor: 6_000_000, benefitMinor: 3_000_000, netMinor: -3_000_000 },
      // the second milestone and the gateway's fix (17 days); the retry queue's CNY 865,000 a quarter starts
      { month: 2, investmentMinor: 92_400_000, benefitMinor: 31_833_334, netMinor: -60_566_666 },
      // the gateway's CNY 4,200,000 a quarter starts
      { month: 3, investmentMinor: 0, benefitMinor: 171_833_333, netMinor: 171_833_333 },
    ]);
    // the objective's CNY 150,000 a quarter from month 6
    expect(flows[6]!.benefitMinor - flows[3]!.benefitMinor).toBe(5_000_000);
  });

  it("counts an open item nowhere and a missing day rate as no fix cost", () => {
    const open = { ...gateway, fixMonth: null };
    expect(cashFlows({ ...empty, debt: [open] }).every((f) => f.investmentMinor === 0 && f.benefitMinor === 0)).toBe(
      true,
    );
    const flows = cashFlows({ ...empty, dayRateMinor: null, debt: [gateway] });
    expect(flows[2]!.investmentMinor).toBe(0);
    expect(flows[3]!.benefitMinor).toBe(140_000_000);
  });

  it("ignores flows outside the horizon and keeps a recurring flow's quarters from its own start", () => {
    const flows = cashFlows({
      ...empty,
      horizonMonths: 4,
      milestones: [
        { id: "late", title: "Late", amountMinor: 9, month: 4, basis: "planned" },
        { id: "early", title: "Early", amountMinor: 9, month: -1, basis: "invoiced" },
      ],
      // began two months before the start: month 0 is its quarter's third month
      objectives: [{ id: "o", title: "O", costPerQuarterMinor: 100, fromMonth: -2 }],
    });
    expect(flows.map((f) => f.investmentMinor)).toEqual([0, 0, 0, 0]);
    expect(flows.map((f) => f.benefitMinor)).toEqual([33, 34, 33, 33]);
  });

  it("books ADR costs as investments and savings as benefits, one-off in the month, quarterly after it", () => {
    const adr = { id: "a", number: 1, title: "A", plAccount: "ops", amountMinor: 300 } as const;
    const flows = cashFlows({
      ...empty,
      horizonMonths: 4,
      adrs: [
        { ...adr, recurrence: "one_off", effect: "cost", month: 1 },
        { ...adr, recurrence: "per_quarter", effect: "cost", month: 1 },
        { ...adr, recurrence: "one_off", effect: "saving", month: 0 },
        { ...adr, recurrence: "per_quarter", effect: "saving", month: 2 },
      ],
    });
    expect(flows.map((f) => f.investmentMinor)).toEqual([0, 300, 100, 100]);
    expect(flows.map((f) => f.benefitMinor)).toEqual([300, 0, 0, 100]);
  });

  it("uses a draw's figures for the debt, rounded to whole minor units and hundredths of a day", () => {
    const flows = cashFlows(
      { ...empty, debt: [{ ...gateway, fixMonth: 0 }] },
      { costPerQuarterMinor: [299.6], fixDays: [1.004] },
    );
    expect(flows[0]!.investmentMinor).toBe(1_200_000);
    expect(flows.slice(1, 4).map((f) => f.benefitMinor)).toEqual([100, 100, 100]);
    const likely = cashFlows({ ...empty, debt: [{ ...gateway, costPerQuarterMinor: point(7) }] });
    expect(likely[3]!.benefitMinor).toBe(3);
  });

  it("nets benefit minus investment in whole minor units, every month of the horizon", () => {
    fc.assert(
      fc.property(roiInputsArbitrary(), (inputs) => {
        const flows = cashFlows(inputs);
        expect(flows.map((f) => f.month)).toEqual([...Array(inputs.horizonMonths).keys()]);
        for (const flow of flows) {
          expect(Number.isSafeInteger(flow.investmentMinor) && Number.isSafeInteger(flow.benefitMinor)).toBe(true);
          expect(flow.netMinor).toBe(flow.benefitMinor - flow.investmentMinor);
        }
        const invested = flows.reduce((sum, f) => sum + f.investmentMinor, 0);
        const inHorizon = inputs.milestones.filter((m) => m.month >= 0 && m.month < inputs.horizonMonths);
        expect(invested).toBeGreaterThanOrEqual(inHorizon.reduce((sum, m) => sum + m.amountMinor, 0));
      }),
    );
  });
});
