import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discountFactors, irrAnnual, irrMonthly, npvMinor, paybackMonth } from "./npv";

const monthlyRate = (bp: number) => (1 + bp / 10_000) ** (1 / 12) - 1;
const npvAt = (nets: readonly number[], monthly: number) =>
  nets.reduce((sum, net, t) => sum + net / (1 + monthly) ** t, 0);
const money = fc.integer({ min: -(10 ** 10), max: 10 ** 10 });

describe("npvMinor", () => {
  it("discounts month t by (1 + r)^(t/12)", () => {
    const factors = discountFactors(13, 800);
    expect(factors[0]).toBe(1);
    expect(factors[12]).toBeCloseTo(1 / 1.08, 14);
    // a year's 1,080,000 in month 12 is worth 1,000,000 today at 8%
    expect(npvMinor([...Array<number>(12).fill(0), 1_080_000], 800)).toBe(1_000_000);
    expect(npvMinor([], 800)).toBe(0);
  });

  it("of a constant flow equals the annuity formula", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 9), max: 10 ** 9 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 10_000 }),
        (flow, months, bp) => {
          const m = monthlyRate(bp);
          const v = 1 / (1 + m);
          const annuity = m === 0 ? flow * months : (flow * (1 - v ** months)) / (1 - v);
          const npv = npvMinor(Array<number>(months).fill(flow), bp);
          expect(Number.isInteger(npv)).toBe(true);
          expect(Math.abs(npv - annuity)).toBeLessThanOrEqual(0.5 + 1e-9 * Math.abs(annuity));
        },
      ),
    );
  });

  it("rounds once at the end, halves away from zero, so negated flows give the negated NPV", () => {
    expect(npvMinor([3, -1], 0)).toBe(2);
    fc.assert(
      fc.property(fc.array(money, { maxLength: 60 }), fc.integer({ min: 0, max: 10_000 }), (nets, bp) => {
        expect(npvMinor(nets, bp)).toBe(
          -npvMinor(
            nets.map((net) => -net),
            bp,
          ) || 0,
        );
        if (bp === 0) expect(npvMinor(nets, 0)).toBe(nets.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe("irr", () => {
  it("finds the rate of a simple loan and annualises it", () => {
    expect(irrMonthly([-100, 110])).toBeCloseTo(0.1, 12);
    expect(irrAnnual([-100, 110])).toBeCloseTo(1.1 ** 12 - 1, 9);
    expect(irrAnnual([-1_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1_080])).toBeCloseTo(0.08, 10);
  });

  it("is null when the flows never change sign", () => {
    expect(irrAnnual([])).toBeNull();
    expect(irrAnnual([0, 0])).toBeNull();
    expect(irrAnnual([100, 0, 5])).toBeNull();
    expect(irrAnnual([-100, -5])).toBeNull();
  });

  it("makes the NPV about zero", () => {
    const flows = fc
      .tuple(
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.array(fc.integer({ min: -(10 ** 8), max: 10 ** 9 }), { minLength: 1, maxLength: 60 }),
      )
      .map(([investment, rest]) => [-investment, ...rest]);
    fc.assert(
      fc.property(flows, (nets) => {
        const monthly = irrMonthly(nets);
        fc.pre(monthly !== null);
        // relative to the size of the discounted terms, which is what a float sum of them resolves
        const scale = nets.reduce((sum, net, t) => sum + Math.abs(net) / (1 + monthly) ** t, 0);
        expect(Math.abs(npvAt(nets, monthly))).toBeLessThanOrEqual(1e-7 * scale);
        const annual = (1 + monthly) ** 12 - 1;
        expect(Math.abs(irrAnnual(nets)! - annual)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(annual)));
      }),
    );
  });

  it("finds a root whenever one month's investment is repaid with interest within the search bracket", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: -9_000, max: 100_000 }).map((bp) => bp / 10_000),
        fc.integer({ min: 1, max: 36 }),
        (investment, monthly, months) => {
          const nets = [-investment, ...Array<number>(months - 1).fill(0), investment * (1 + monthly) ** months];
          fc.pre(nets[months] !== investment);
          expect(irrMonthly(nets)).toBeCloseTo(monthly, 6);
        },
      ),
    );
  });
});

describe("paybackMonth", () => {
  it("is the first month whose cumulative net is not negative once money has gone out", () => {
    expect(paybackMonth([-100, 40, 60, -10])).toBe(2);
    // empty months before the first investment do not pay back: it never recovers here
    expect(paybackMonth([0, -5])).toBeNull();
    expect(paybackMonth([0, 0, 0, -981])).toBeNull();
    expect(paybackMonth([0, -5, 2, 3])).toBe(3);
    expect(paybackMonth([-100, 40, 50])).toBeNull();
    // nothing goes out and something comes in: it pays from the start
    expect(paybackMonth([0, 10])).toBe(0);
    expect(paybackMonth([0, 0])).toBeNull();
    expect(paybackMonth([])).toBeNull();
  });

  it("agrees with the running sum for any flows", () => {
    fc.assert(
      fc.property(fc.array(money, { maxLength: 60 }), (nets) => {
        const month = paybackMonth(nets);
        const cumulative = nets.map((_, t) => nets.slice(0, t + 1).reduce((a, b) => a + b, 0));
        const firstNegative = cumulative.findIndex((sum) => sum < 0);
        if (firstNegative === -1) {
          // never under water: 0 when anything flows, null when nothing does
          expect(month).toBe(nets.some((net) => net !== 0) ? 0 : null);
        } else if (month === null) {
          expect(cumulative.slice(firstNegative).every((sum) => sum < 0)).toBe(true);
        } else {
          expect(month).toBeGreaterThan(firstNegative);
          expect(cumulative[month]).toBeGreaterThanOrEqual(0);
          expect(cumulative.slice(firstNegative, month).every((sum) => sum < 0)).toBe(true);
        }
      }),
    );
  });
});
