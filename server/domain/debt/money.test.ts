import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RoiDebtInput } from "../roi/inputs";
import { MoneyError } from "../money";
import { debtMoney, divideHalfUp, fixCostFromHundredths, rankDebt, roundHalfUp } from "./money";

const DAY_RATE = 1_200_000; // CNY 12,000

/** the exact rational a / b rounded half away from zero, by a route independent of the code under test */
const reference = (a: bigint, b: bigint): bigint => {
  const sign = a < 0n !== b < 0n ? -1n : 1n;
  const [n, d] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const floor = n / d;
  return sign * (2n * (n % d) >= d ? floor + 1n : floor);
};

function item(id: string, title: string, perQuarter: number, days: number): RoiDebtInput {
  return {
    id,
    title,
    impact: "high",
    plAccount: "operations",
    costPerQuarterMinor: { low: perQuarter, likely: perQuarter, high: perQuarter },
    fixDays: { low: days, likely: days, high: days },
    fixMonth: null,
    componentId: null,
  };
}

describe("rounding", () => {
  it("rounds halves up, and a negative half away from zero", () => {
    expect(divideHalfUp(5n, 2n)).toBe(3n);
    expect(divideHalfUp(-5n, 2n)).toBe(-3n);
    expect(divideHalfUp(5n, -2n)).toBe(-3n);
    expect(divideHalfUp(7n, 3n)).toBe(2n);
    expect(divideHalfUp(-7n, 3n)).toBe(-2n);
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(-2.4)).toBe(-2);
    expect(Object.is(roundHalfUp(-0.2), 0)).toBe(true);
    expect(() => divideHalfUp(1n, 0n)).toThrow(MoneyError);
  });

  it("is the nearest integer with halves away from zero, for any signs", () => {
    const big = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
    fc.assert(
      fc.property(big, big, (a, b) => {
        fc.pre(b !== 0n);
        const rounded = divideHalfUp(a, b);
        expect(rounded).toBe(reference(a, b));
        expect(divideHalfUp(-a, b)).toBe(-rounded);
      }),
    );
  });

  it("computes a fix cost exactly near 2^53, ties included", () => {
    const near = fc.integer({ min: 2 ** 52, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(near, fc.integer({ min: 0, max: 99 }), (rate, lastDigits) => {
        const product = rate - (rate % 100) + lastDigits;
        expect(fixCostFromHundredths(1, product)).toBe(Number(reference(BigInt(product), 100n)));
      }),
    );
    expect(fixCostFromHundredths(1, Number.MAX_SAFE_INTEGER - 41)).toBe(90_071_992_547_410); // ...09,950 -> up
  });

  it("computes a fix cost exactly, past 2^53 as well", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        (hundredths, rate) => {
          const exact = reference(BigInt(hundredths) * BigInt(rate), 100n);
          expect(fixCostFromHundredths(hundredths, rate)).toBe(Number(exact));
        },
      ),
    );
  });
});

describe("debtMoney", () => {
  it("prices the field guide's gateway item", () => {
    expect(debtMoney({ costPerQuarterMinor: 420_000_000, fixDays: 17 }, DAY_RATE)).toEqual({
      fixCostMinor: 20_400_000, // 17 x 12,000
      costOfDelayPerWeekMinor: 32_307_692, // 4,200,000 / 13 = 323,076.923...
      paybackWeeks: 0.63, // 204,000 / 323,076.92 = 0.6314
      wsjf: 1_900_452.49, // 32,307,692.31 / 17 = 1,900,452.488
    });
    expect(debtMoney({ costPerQuarterMinor: 86_500_000, fixDays: 5 }, DAY_RATE)).toEqual({
      fixCostMinor: 6_000_000,
      costOfDelayPerWeekMinor: 6_653_846, // 865,000 / 13 = 66,538.4615
      paybackWeeks: 0.9, // 60,000 / 66,538.46 = 0.9017
      wsjf: 1_330_769.23,
    });
  });

  it("counts days in hundredths and rounds half-up once", () => {
    // 1.25 days x 3 minor = 3.75 -> 4
    expect(debtMoney({ costPerQuarterMinor: 13, fixDays: 1.25 }, 3).fixCostMinor).toBe(4);
    // 0.07 x 50 = 3.5 -> 4 (0.07 * 100 is 7.000000000000001 in floats)
    expect(debtMoney({ costPerQuarterMinor: 13, fixDays: 0.07 }, 50).fixCostMinor).toBe(4);
    // 19 / 13 = 1.46 -> 1 and 20 / 13 = 1.54 -> 2 (a whole amount over 13 is never exactly a half)
    expect(debtMoney({ costPerQuarterMinor: 19, fixDays: 1 }, 1).costOfDelayPerWeekMinor).toBe(1);
    expect(debtMoney({ costPerQuarterMinor: 20, fixDays: 1 }, 1).costOfDelayPerWeekMinor).toBe(2);
  });

  it("has no payback without a day rate or without a cost of delay, and no fix cost without a rate", () => {
    expect(debtMoney({ costPerQuarterMinor: 1_000, fixDays: 2 }, null)).toMatchObject({
      fixCostMinor: null,
      paybackWeeks: null,
    });
    expect(debtMoney({ costPerQuarterMinor: 1_000, fixDays: 2 }, 0)).toMatchObject({
      fixCostMinor: 0,
      paybackWeeks: null,
    });
    expect(debtMoney({ costPerQuarterMinor: 0, fixDays: 2 }, 500)).toMatchObject({
      fixCostMinor: 1_000,
      costOfDelayPerWeekMinor: 0,
      paybackWeeks: null,
      wsjf: 0,
    });
  });

  it("refuses zero days and fractional money", () => {
    expect(() => debtMoney({ costPerQuarterMinor: 1, fixDays: 0 }, 1)).toThrow(MoneyError);
    expect(() => debtMoney({ costPerQuarterMinor: 1.5, fixDays: 1 }, 1)).toThrow(MoneyError);
    expect(() => debtMoney({ costPerQuarterMinor: 1, fixDays: 1 }, -1)).toThrow(MoneyError);
  });

  it("rounds each rule once from the exact inputs", () => {
    const days = fc.integer({ min: 1, max: 10_000_000 }).map((h) => h / 100);
    const money = fc.integer({ min: 0, max: 10 ** 13 });
    fc.assert(
      fc.property(money, days, fc.integer({ min: 1, max: 10 ** 9 }), (perQuarter, fixDays, rate) => {
        const figures = debtMoney({ costPerQuarterMinor: perQuarter, fixDays }, rate);
        const hundredths = BigInt(Math.round(fixDays * 100));
        const q = BigInt(perQuarter);
        expect(figures.fixCostMinor).toBe(Number(reference(hundredths * BigInt(rate), 100n)));
        expect(figures.costOfDelayPerWeekMinor).toBe(Number(reference(q, 13n)));
        expect(figures.wsjf).toBe(Number(reference(q * 10_000n, 13n * hundredths)) / 100);
        if (perQuarter === 0) expect(figures.paybackWeeks).toBeNull();
        else expect(figures.paybackWeeks).toBe(Number(reference(hundredths * BigInt(rate) * 13n, q)) / 100);
        // within half a unit of the float figures, which only approximate the rules
        expect(Math.abs(figures.wsjf - perQuarter / 13 / fixDays)).toBeLessThanOrEqual(0.005 + 1e-6 * figures.wsjf);
      }),
    );
  });
});

describe("rankDebt", () => {
  it("puts the highest WSJF first, then orders ties by title and id", () => {
    const ranked = rankDebt(
      [
        item("d4", "Beta", 1_300, 1), // wsjf 100
        item("d1", "Low", 130, 1), // wsjf 10
        item("d3", "Alpha", 2_600, 2), // wsjf 100
        item("d2", "Alpha", 1_300, 1), // wsjf 100
        item("d5", "Top", 13_000, 1), // wsjf 1000
      ],
      DAY_RATE,
    );
    expect(ranked.map((figures) => figures.id)).toEqual(["d5", "d2", "d3", "d4", "d1"]);
    expect(ranked[0]).toMatchObject({ title: "Top", costPerQuarterMinor: 13_000, fixDays: 1, wsjf: 1_000 });
  });

  it("is ordered by WSJF for any register", () => {
    const register = fc.array(
      fc.record({
        title: fc.constantFrom("A", "B", "C"),
        perQuarter: fc.integer({ min: 0, max: 10 ** 10 }),
        hundredths: fc.integer({ min: 1, max: 100_000 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(register, (rows) => {
        const ranked = rankDebt(
          rows.map((row, index) => item(`d${index}`, row.title, row.perQuarter, row.hundredths / 100)),
          null,
        );
        expect(ranked).toHaveLength(rows.length);
        for (let i = 1; i < ranked.length; i += 1) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          expect(a.wsjf > b.wsjf || (a.wsjf === b.wsjf && (a.title < b.title || a.title === b.title))).toBe(true);
        }
      }),
    );
  });
});
