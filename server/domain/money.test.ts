import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MoneyError, splitByShares, splitByWeights } from "./money";

describe("splitByShares", () => {
  it("splits the demo fee into the template's exact amounts", () => {
    expect(splitByShares(100_000_000, [1_500, 3_000, 4_500, 1_000])).toEqual([
      15_000_000, 30_000_000, 45_000_000, 10_000_000,
    ]);
  });

  it("gives the leftover minor units to the largest remainders, earlier shares first on ties", () => {
    expect(splitByShares(100, [3_333, 3_333, 3_334])).toEqual([33, 33, 34]);
    expect(splitByShares(1, [5_000, 5_000])).toEqual([1, 0]);
    expect(splitByShares(10, [3_333, 3_334, 3_333])).toEqual([3, 4, 3]);
  });

  it("refuses shares that do not sum to 100%", () => {
    expect(() => splitByShares(1_000, [5_000, 4_999])).toThrow(MoneyError);
    expect(() => splitByShares(1_000, [])).toThrow("at least one share");
    expect(() => splitByWeights(5, [0, 0])).toThrow("all zero");
    expect(splitByWeights(0, [0, 0])).toEqual([0, 0]);
    expect(splitByWeights(10, [1, 2])).toEqual([3, 7]);
  });

  it("refuses fractional money and negative shares", () => {
    expect(() => splitByShares(10.5, [10_000])).toThrow(MoneyError);
    expect(() => splitByShares(10, [12_000, -2_000])).toThrow(MoneyError);
  });

  it("always sums exactly to the fee, each amount within one minor unit of its exact share", () => {
    const shares = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 }).map((weights) => {
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      const bp = weights.map((w) => Math.floor((w * 10_000) / total));
      bp[0] = (bp[0] ?? 0) + 10_000 - bp.reduce((a, b) => a + b, 0);
      return bp;
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), shares, (fee, bp) => {
        const amounts = splitByShares(fee, bp);
        const sum = amounts.reduce((a, b) => a + BigInt(b), 0n);
        expect(sum).toBe(BigInt(fee));
        amounts.forEach((amount, i) => {
          const exactTimes10k = BigInt(fee) * BigInt(bp[i] ?? 0);
          const diff = BigInt(amount) * 10_000n - exactTimes10k;
          expect(diff < 0n ? -diff : diff).toBeLessThan(10_000n);
        });
      }),
    );
  });
});

describe("parseMajorAmount", () => {
  it("reads major units into exact minor units per currency precision", async () => {
    const { parseMajorAmount } = await import("./engagement-plan");
    expect(parseMajorAmount("1,000,000", 2)).toBe(100_000_000);
    expect(parseMajorAmount("1000000.5", 2)).toBe(100_000_050);
    expect(parseMajorAmount("12.345", 3)).toBe(12_345);
    expect(parseMajorAmount("1500", 0)).toBe(1_500);
    expect(parseMajorAmount("0.001", 2)).toBeNull();
    expect(parseMajorAmount("-5", 2)).toBeNull();
    expect(parseMajorAmount("1e6", 2)).toBeNull();
    expect(parseMajorAmount("99999999999999999", 2)).toBeNull();
  });
});

describe("splits across currencies with 0, 2 and 3 decimals", () => {
  it("sum exactly to fees entered in major units, and format to the currency's precision", async () => {
    const { minorToDecimal, minorUnitDigits, formatMoney } = await import("./currency");
    const { parseMajorAmount } = await import("./engagement-plan");
    const currencies = fc.constantFrom("JPY", "CNY", "EUR", "KWD", "BHD");
    const shares = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }).map((weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const bp = weights.map((w) => Math.floor((w * 10_000) / total));
      bp[0] = (bp[0] ?? 0) + 10_000 - bp.reduce((a, b) => a + b, 0);
      return bp;
    });
    fc.assert(
      fc.property(
        currencies,
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 999 }),
        shares,
        (currency, major, fraction, bp) => {
          const digits = minorUnitDigits(currency);
          const text = digits === 0 ? `${major}` : `${major}.${String(fraction).padStart(3, "0").slice(0, digits)}`;
          const fee = parseMajorAmount(text, digits);
          expect(fee).not.toBeNull();
          const amounts = splitByShares(fee!, bp);
          expect(amounts.reduce((a, b) => a + b, 0)).toBe(fee);
          expect(minorToDecimal(fee!, digits)).toBe(
            digits === 0 ? text : text.replace(/^(\d+)\./, (_, whole: string) => `${BigInt(whole)}.`),
          );
          for (const amount of amounts) {
            const formatted = formatMoney(amount, currency, "en");
            const decimals = /[.,](\d+)\D*$/.exec(formatted.replace(/,(?=\d{3})/g, ""))?.[1]?.length ?? 0;
            expect(decimals).toBe(digits);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
