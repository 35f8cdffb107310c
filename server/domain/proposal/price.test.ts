import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitByShares } from "../money";
import { DEFAULT_PACKAGES, PRIVATE_DEPLOYMENT } from "./default-packages";
import { ZServicePackageFields } from "./package";
import { computePrice, defaultQuantities, MAX_PRICE_MINOR, pricingRuleProblem, quantityProblems } from "./price";
import { ZPricingRule, type PricingRule, type Quantities } from "./pricing";

const privateDeployment = ZServicePackageFields.parse(PRIVATE_DEPLOYMENT);
const formulaRule = privateDeployment.pricing;

describe("computePrice", () => {
  it("prices the field guide's private deployment at its defaults and writes the formula out", () => {
    const price = computePrice(formulaRule, {}, "CNY", "en");
    expect(price.totalMinor).toBe(54_000_000);
    expect(price.baseMinor).toBe(20_000_000);
    expect(price.lines.map((line) => [line.key, line.quantity, line.amountExact])).toEqual([
      ["nodes", 4, "20000000"],
      ["daily_volume", 3.5, "7000000"],
      ["retention_years", 7, "7000000"],
    ]);
    expect(price.formula).toBe(
      "CNY 200,000.00 + 4 nodes x CNY 50,000.00 + 3.5 million tx/day x CNY 20,000.00 + " +
        "7 years x CNY 10,000.00 = CNY 540,000.00",
    );
  });

  it("writes numbers in the locale and with the currency's digits", () => {
    const rule: PricingRule = ZPricingRule.parse({
      type: "formula",
      baseMinor: 1_000,
      rateCard: [{ key: "days", label: "Days", unit: "天", rateMinor: 250, defaultQuantity: 1.5 }],
    });
    expect(computePrice(rule, {}, "JPY", "en").formula).toBe("JPY 1,000 + 1.5 天 x JPY 250 = JPY 1,375");
    expect(computePrice(rule, {}, "KWD", "de").formula).toBe("KWD 1,000 + 1,5 天 x KWD 0,250 = KWD 1,375");
    expect(computePrice(rule, { days: 1234.5 }, "CNY", "zh-CN").formula).toBe(
      "CNY 10.00 + 1,234.5 天 x CNY 2.50 = CNY 3,096.25",
    );
  });

  it("keeps each line exact and rounds the total once, half-up", () => {
    const rule: PricingRule = ZPricingRule.parse({
      type: "formula",
      baseMinor: 0,
      rateCard: [
        { key: "a", label: "A", unit: "u", rateMinor: 1, defaultQuantity: 0.25 },
        { key: "b", label: "B", unit: "u", rateMinor: 1, defaultQuantity: 0.25 },
      ],
    });
    // rounding each line first gives 0 + 0; the exact sum 0.5 rounds up to 1
    const price = computePrice(rule, {}, "CNY", "en");
    expect(price.lines.map((line) => line.amountExact)).toEqual(["0.25", "0.25"]);
    expect(price.totalMinor).toBe(1);
    expect(computePrice(rule, { a: 0.001, b: 0.498 }, "CNY", "en").totalMinor).toBe(0);
    expect(computePrice(rule, { a: 0.001, b: 0.499 }, "CNY", "en").totalMinor).toBe(1);
  });

  it("reads a quantity as the decimal it was written as (0.1 x 3 is 0.3, not 0.30000000000000004)", () => {
    const rule: PricingRule = ZPricingRule.parse({
      type: "formula",
      baseMinor: 0,
      rateCard: [{ key: "q", label: "Q", unit: "u", rateMinor: 3, defaultQuantity: 0.1 }],
    });
    expect(computePrice(rule, {}, "CNY", "en").lines[0]!.amountExact).toBe("0.3");
    expect(computePrice(rule, { q: 0.5 }, "CNY", "en").totalMinor).toBe(2);
  });

  it("prices a fixed rule at its amount", () => {
    const price = computePrice({ type: "fixed", amountMinor: 18_000_000 }, {}, "CNY", "en");
    expect(price).toEqual({ totalMinor: 18_000_000, baseMinor: 18_000_000, lines: [], formula: "CNY 180,000.00" });
  });

  it("gives a missing quantity its default", () => {
    expect(computePrice(formulaRule, { nodes: 4 }, "CNY", "en").totalMinor).toBe(54_000_000);
    expect(computePrice(formulaRule, { nodes: 10 }, "CNY", "en").totalMinor).toBe(84_000_000);
    expect(defaultQuantities(formulaRule)).toEqual({ nodes: 4, daily_volume: 3.5, retention_years: 7 });
    expect(defaultQuantities({ type: "fixed", amountMinor: 1 })).toEqual({});
  });
});

describe("quantityProblems", () => {
  it("names an unknown key, a quantity out of range, a fraction of a whole unit and too many decimals", () => {
    expect(quantityProblems(formulaRule, {})).toEqual([]);
    expect(
      quantityProblems(formulaRule, { nodes: 2.5, cpu: 1, retention_years: 31, daily_volume: 0.0001 }).map(
        (problem) => [problem.key, problem.code],
      ),
    ).toEqual([
      ["cpu", "unknown_key"],
      ["nodes", "not_whole"],
      ["daily_volume", "too_precise"],
      ["retention_years", "above_max"],
    ]);
    expect(quantityProblems(formulaRule, { nodes: 0 })).toEqual([
      { key: "nodes", code: "below_min", message: "Nodes: at least 1", params: { label: "Nodes", min: 1, max: 200 } },
    ]);
    expect(quantityProblems({ type: "fixed", amountMinor: 1 }, { nodes: 1 })[0]?.code).toBe("unknown_key");
  });

  it("refuses a price above the largest amount, and a rule that could reach one", () => {
    const rule: PricingRule = ZPricingRule.parse({
      type: "formula",
      baseMinor: 0,
      rateCard: [{ key: "q", label: "Q", unit: "u", rateMinor: 1e10, defaultQuantity: 1, maxQuantity: 1e6 }],
    });
    expect(quantityProblems(rule, { q: 1000 })).toEqual([]);
    expect(quantityProblems(rule, { q: 1001 }).map((problem) => problem.code)).toEqual(["total_too_large"]);
    expect(pricingRuleProblem(rule)).toMatch(/above 10000000000000/);
    expect(pricingRuleProblem(formulaRule)).toBeNull();
  });
});

describe("the default packages", () => {
  it("are valid packages, one of each business, with all three tiers", () => {
    const parsed = DEFAULT_PACKAGES.map((input) => ZServicePackageFields.parse(input));
    expect(new Set(parsed.map((p) => p.business)).size).toBe(3);
    expect(new Set(parsed.map((p) => p.tier)).size).toBe(3);
    for (const fields of parsed) expect(pricingRuleProblem(fields.pricing)).toBeNull();
  });
});

// Properties over random rate cards: quantities with up to three decimals, rates up to 10^9 minor units.
const arbitraryQuantity = (integer: boolean) =>
  integer
    ? fc.integer({ min: 0, max: 1_000_000 })
    : fc.integer({ min: 0, max: 1_000_000_000 }).map((thousandths) => thousandths / 1000);

const arbitraryLine = (index: number) =>
  fc.record({
    key: fc.constant(`q${index}`),
    label: fc.constant(`Q${index}`),
    unit: fc.constant("u"),
    rateMinor: fc.integer({ min: 0, max: 1_000_000_000 }),
    integer: fc.boolean(),
  });

const arbitraryCase = fc
  .integer({ min: 1, max: 5 })
  .chain((count) =>
    fc.tuple(fc.integer({ min: 0, max: 1e12 }), fc.tuple(...Array.from({ length: count }, (_, i) => arbitraryLine(i)))),
  )
  .chain(([baseMinor, lines]) =>
    fc.tuple(
      fc.constant(baseMinor),
      fc.constant(lines),
      fc.tuple(...lines.map((line) => arbitraryQuantity(line.integer))),
    ),
  )
  .map(([baseMinor, lines, quantities]) => {
    const rule: PricingRule = {
      type: "formula",
      baseMinor,
      rateCard: lines.map((line) => ({
        ...line,
        defaultQuantity: 0,
        minQuantity: 0,
        maxQuantity: 1e9,
      })),
    };
    const given: Quantities = Object.fromEntries(lines.map((line, i) => [line.key, quantities[i]!]));
    return { rule, quantities: given };
  });

/** The reference: every product in thousandths of a minor unit, summed, rounded half-up once. */
function referenceTotal(rule: Extract<PricingRule, { type: "formula" }>, quantities: Quantities): bigint {
  const thousandths = rule.rateCard.reduce(
    (sum, line) => sum + BigInt(Math.round((quantities[line.key] ?? 0) * 1000)) * BigInt(line.rateMinor),
    BigInt(rule.baseMinor) * 1000n,
  );
  return thousandths / 1000n + (thousandths % 1000n >= 500n ? 1n : 0n);
}

describe("computePrice properties", () => {
  it("gives a safe integer equal to the exact sum rounded half-up once", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ rule, quantities }) => {
        if (rule.type !== "formula") return;
        const expected = referenceTotal(rule, quantities);
        fc.pre(expected <= BigInt(Number.MAX_SAFE_INTEGER));
        const price = computePrice(rule, quantities, "CNY", "en");
        expect(Number.isSafeInteger(price.totalMinor)).toBe(true);
        expect(BigInt(price.totalMinor)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("splits by any package's shares into amounts that sum to the total exactly", () => {
    const shares = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }).map((weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const bp = weights.map((w) => Math.floor((w * 10_000) / total));
      bp[0]! += 10_000 - bp.reduce((a, b) => a + b, 0);
      return bp;
    });
    fc.assert(
      fc.property(arbitraryCase, shares, ({ rule, quantities }, sharesBp) => {
        if (rule.type !== "formula") return;
        fc.pre(referenceTotal(rule, quantities) <= BigInt(Number.MAX_SAFE_INTEGER));
        const { totalMinor } = computePrice(rule, quantities, "CNY", "en");
        const parts = splitByShares(totalMinor, sharesBp);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(totalMinor);
      }),
      { numRuns: 300 },
    );
  });

  it("never falls when one quantity grows", () => {
    fc.assert(
      fc.property(
        arbitraryCase,
        fc.nat(),
        fc.integer({ min: 1, max: 1_000_000 }),
        ({ rule, quantities }, pick, more) => {
          if (rule.type !== "formula") return;
          const line = rule.rateCard[pick % rule.rateCard.length]!;
          const step = line.integer ? more : more / 1000;
          const grown = { ...quantities, [line.key]: Math.round(((quantities[line.key] ?? 0) + step) * 1000) / 1000 };
          fc.pre(referenceTotal(rule, grown) <= BigInt(Number.MAX_SAFE_INTEGER));
          const before = computePrice(rule, quantities, "CNY", "en").totalMinor;
          const after = computePrice(rule, grown, "CNY", "en").totalMinor;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("throws rather than answer a total beyond a safe integer", () => {
    const rule: PricingRule = {
      type: "formula",
      baseMinor: 0,
      rateCard: [
        {
          key: "q",
          label: "Q",
          unit: "u",
          rateMinor: 1e13,
          defaultQuantity: 1e6,
          minQuantity: 0,
          maxQuantity: 1e9,
          integer: false,
        },
      ],
    };
    expect(() => computePrice(rule, {}, "CNY", "en")).toThrow(/safe integer/);
    expect(MAX_PRICE_MINOR).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
});
