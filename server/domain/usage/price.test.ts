import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PER_QUANTITY_CHOICES, ZMeterInput, type Tier } from "./meter";
import { chargeUsage } from "./price";

// the issue's example meter: 10,000 free, then 1 minor unit per 1,000 tokens up to 1,000,000
// billable, then half of that
const example = ZMeterInput.parse({
  meter: "llm_tokens",
  unit: "token",
  period: "month",
  timezone: "Asia/Shanghai",
  freeQuantity: 10_000,
  tiers: [
    { upTo: 1_000_000, priceMinor: 1, perQuantity: 1_000 },
    { upTo: null, priceMinor: 0.5, perQuantity: 1_000 },
  ],
});

/** The same charge in plain rational arithmetic over BigInt: numerator / 10^15 per tier. */
function referenceNumerators(quantity: bigint, free: bigint, tiers: readonly Tier[]): bigint[] {
  const billable = quantity > free ? quantity - free : 0n;
  const out: bigint[] = [];
  let from = 0n;
  for (const tier of tiers) {
    const to = tier.upTo === null ? billable : BigInt(tier.upTo) < billable ? BigInt(tier.upTo) : billable;
    const inside = to > from ? to - from : 0n;
    const priceMicro = BigInt(Math.round(tier.priceMinor * 1e6));
    out.push((inside * priceMicro * 10n ** 9n) / BigInt(tier.perQuantity));
    if (tier.upTo !== null) from = BigInt(tier.upTo) > from ? BigInt(tier.upTo) : from;
  }
  return out;
}

const arbitraryTiers = fc
  .array(
    fc.record({
      width: fc.integer({ min: 1, max: 5_000_000 }),
      priceMicro: fc.integer({ min: 0, max: 5_000_000 }),
      perQuantity: fc.constantFrom(...PER_QUANTITY_CHOICES),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((specs) => {
    let bound = 0;
    return specs.map((spec, index): Tier => {
      bound += spec.width;
      return {
        upTo: index === specs.length - 1 ? null : bound,
        priceMinor: spec.priceMicro / 1e6,
        perQuantity: spec.perQuantity,
      };
    });
  });

describe("chargeUsage", () => {
  it("takes the free quantity off first and prices each tier's part of the billable rest", () => {
    const charge = chargeUsage(1_510_000n, example);
    expect(charge.freeQuantity).toBe(10_000n);
    expect(charge.billableQuantity).toBe(1_500_000n);
    expect(charge.tiers.map((tier) => [tier.upTo, tier.quantity, tier.amountExact])).toEqual([
      [1_000_000, 1_000_000n, "1000"],
      [null, 500_000n, "250"],
    ]);
    expect(charge.amountMinor).toBe(1_250n);
  });

  it("charges nothing while the usage stays inside the free quantity", () => {
    const charge = chargeUsage(9_999n, example);
    expect(charge).toMatchObject({ freeQuantity: 9_999n, billableQuantity: 0n, amountMinor: 0n, amountExact: "0" });
  });

  it("keeps amounts below one minor unit exact and rounds the line once, half-up", () => {
    // 1,500 billable tokens: 1.5 minor units, exactly; rounded once to 2
    expect(chargeUsage(11_500n, example)).toMatchObject({ amountExact: "1.5", amountMinor: 2n });
    // 1,499 billable: 1.499 -> 1
    expect(chargeUsage(11_499n, example)).toMatchObject({ amountExact: "1.499", amountMinor: 1n });
    // rounding each tier first would give 1 + 1 = 2; the exact sum 0.5 + 0.75 = 1.25 rounds to 1
    const twoTiers = {
      freeQuantity: 0,
      tiers: [
        { upTo: 500, priceMinor: 1, perQuantity: 1_000 },
        { upTo: null, priceMinor: 3, perQuantity: 1_000 },
      ],
    };
    expect(chargeUsage(750n, twoTiers)).toMatchObject({ amountExact: "1.25", amountMinor: 1n });
  });

  it("equals a BigInt reference, fills tiers up to the billable quantity and never falls as usage grows", () => {
    fc.assert(
      fc.property(
        arbitraryTiers,
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        fc.bigInt({ min: 0n, max: 10n ** 6n }),
        (tiers, free, quantity, more) => {
          const pricing = { freeQuantity: free, tiers };
          const charge = chargeUsage(quantity, pricing);
          const numerators = referenceNumerators(quantity, BigInt(free), tiers);
          const total = numerators.reduce((sum, n) => sum + n, 0n);
          const scale = 10n ** 15n;
          expect(charge.amountMinor).toBe((2n * total + scale) / (2n * scale));
          expect(charge.freeQuantity + charge.billableQuantity).toBe(quantity);
          expect(charge.tiers.reduce((sum, tier) => sum + tier.quantity, 0n)).toBe(charge.billableQuantity);
          expect(chargeUsage(quantity + more, pricing).amountMinor >= charge.amountMinor).toBe(true);
        },
      ),
    );
  });
});

describe("ZMeterInput", () => {
  it("refuses tiers out of order, an unbounded tier before the last, a bounded last tier, odd denominators", () => {
    const base = { meter: "llm_tokens", unit: "token", timezone: "UTC" };
    const problems = (tiers: unknown) =>
      ZMeterInput.safeParse({ ...base, tiers }).error?.issues.map(
        (issue) => `${issue.path.join(".")}: ${issue.message}`,
      );
    expect(problems([{ upTo: 10, priceMinor: 1, perQuantity: 1 }])).toEqual([
      "tiers.0.upTo: the last tier has no end (upTo: null)",
    ]);
    expect(
      problems([
        { upTo: 10, priceMinor: 1, perQuantity: 1 },
        { upTo: 5, priceMinor: 1, perQuantity: 1 },
        { upTo: null, priceMinor: 1, perQuantity: 1 },
      ]),
    ).toEqual(["tiers.1.upTo: must be above the previous tier's 10"]);
    expect(
      problems([
        { upTo: null, priceMinor: 1, perQuantity: 1 },
        { upTo: null, priceMinor: 1, perQuantity: 1 },
      ]),
    ).toEqual(["tiers.0.upTo: only the last tier may have no end"]);
    expect(problems([{ upTo: null, priceMinor: 1, perQuantity: 1024 }])).toEqual([
      "tiers.0.perQuantity: a power of ten from 1 to 1,000,000,000",
    ]);
    expect(problems([{ upTo: null, priceMinor: 0.0000001, perQuantity: 1 }])).toEqual([
      "tiers.0.priceMinor: at most 6 decimal places",
    ]);
    expect(
      ZMeterInput.safeParse({ ...base, meter: "LLM Tokens", tiers: [{ upTo: null, priceMinor: 1, perQuantity: 1 }] })
        .success,
    ).toBe(false);
  });
});
