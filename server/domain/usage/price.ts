import { divideHalfUp, exactDecimal } from "../sla/decimal";
import { PRICE_PLACES, type MeterPricing, type Tier } from "./meter";

// A period's charge for a meter. The free quantity comes off first; the billable rest fills the
// tiers in order, each tier's part priced exactly (quantity x priceMinor / perQuantity as a
// rational with one common denominator); the line's amount is the exact sum rounded once, half-up,
// to minor units. Rounding each tier first would let a line drift from its tiers.

export interface TierCharge {
  upTo: number | null;
  quantity: bigint;
  /** the tier's amount in minor units, exactly, as a decimal ("1224.567") */
  amountExact: string;
}

export interface UsageCharge {
  quantity: bigint;
  freeQuantity: bigint;
  billableQuantity: bigint;
  tiers: TierCharge[];
  /** the exact sum of the tiers, as a decimal in minor units */
  amountExact: string;
  /** rounded once, half-up */
  amountMinor: bigint;
}

// every tier amount is numerator / DENOMINATOR: perQuantity is a power of ten up to 10^9 and a
// price has at most PRICE_PLACES decimals
const PER_QUANTITY_DIGITS = 9;
const DENOMINATOR = 10n ** BigInt(PRICE_PLACES + PER_QUANTITY_DIGITS);

function tierNumerator(quantity: bigint, tier: Tier): bigint {
  const price = exactDecimal(tier.priceMinor);
  const perQuantityDigits = String(tier.perQuantity).length - 1;
  // quantity x (units / 10^scale) / 10^perQuantityDigits, over 10^(PRICE_PLACES + 9)
  return quantity * price.units * 10n ** BigInt(PRICE_PLACES - price.scale + PER_QUANTITY_DIGITS - perQuantityDigits);
}

/** numerator / DENOMINATOR written as a decimal without trailing zeros. */
export function exactMinorText(numerator: bigint): string {
  const whole = numerator / DENOMINATOR;
  const fraction = (numerator % DENOMINATOR)
    .toString()
    .padStart(PRICE_PLACES + PER_QUANTITY_DIGITS, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

export function chargeUsage(quantity: bigint, pricing: MeterPricing): UsageCharge {
  if (quantity < 0n) throw new RangeError("a quantity is never negative");
  const freeQuantity = BigInt(pricing.freeQuantity);
  const billableQuantity = quantity > freeQuantity ? quantity - freeQuantity : 0n;
  let lower = 0n;
  let total = 0n;
  const tiers = pricing.tiers.map((tier) => {
    const upper = tier.upTo === null ? null : BigInt(tier.upTo);
    const end = upper === null || billableQuantity < upper ? billableQuantity : upper;
    const inside = end > lower ? end - lower : 0n;
    if (upper !== null) lower = upper > lower ? upper : lower;
    const numerator = tierNumerator(inside, tier);
    total += numerator;
    return { upTo: tier.upTo, quantity: inside, amountExact: exactMinorText(numerator) };
  });
  return {
    quantity,
    freeQuantity: quantity < freeQuantity ? quantity : freeQuantity,
    billableQuantity,
    tiers,
    amountExact: exactMinorText(total),
    amountMinor: divideHalfUp(total, DENOMINATOR),
  };
}
