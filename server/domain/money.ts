// Money is always an integer count of minor units (fen, cents, fils). Floats never hold money.

export const BASIS_POINTS_TOTAL = 10_000;

export class MoneyError extends Error {
  override name = "MoneyError";
}

export function assertMinorUnits(value: number, label = "amount"): void {
  if (!Number.isSafeInteger(value))
    throw new MoneyError(`${label} must be a safe integer of minor units, got ${value}`);
}

/**
 * Splits a fee into shares (basis points summing to exactly 10,000) by the largest-remainder
 * method: every amount is within one minor unit of its exact share and the amounts sum exactly
 * to the fee. Ties in the remainder go to the earlier share, so the result is deterministic.
 */
export function splitByShares(feeMinor: number, sharesBp: readonly number[]): number[] {
  const total = sharesBp.reduce((sum, share) => sum + share, 0);
  if (sharesBp.length > 0 && total !== BASIS_POINTS_TOTAL)
    throw new MoneyError(`shares sum to ${total} bp, not ${BASIS_POINTS_TOTAL}`);
  return splitByWeights(feeMinor, sharesBp);
}

/** Largest-remainder split of an amount in proportion to non-negative integer weights. */
export function splitByWeights(amountMinor: number, weights: readonly number[]): number[] {
  assertMinorUnits(amountMinor, "amount");
  if (amountMinor < 0) throw new MoneyError("amount must not be negative");
  if (weights.length === 0) throw new MoneyError("at least one share is required");
  for (const weight of weights) {
    if (!Number.isInteger(weight) || weight < 0)
      throw new MoneyError(`share ${weight} bp is not a non-negative integer`);
  }
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (totalWeight === 0) {
    if (amountMinor === 0) return weights.map(() => 0);
    throw new MoneyError("an amount cannot be split over shares that are all zero");
  }

  // BigInt keeps amount * weight exact beyond 2^53.
  const amount = BigInt(amountMinor);
  const whole = BigInt(totalWeight);
  const parts = weights.map((weight, index) => {
    const exact = amount * BigInt(weight);
    return { index, floor: exact / whole, remainder: exact % whole };
  });
  let left = amount - parts.reduce((sum, part) => sum + part.floor, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const amounts = parts.map((part) => part.floor);
  for (const part of byRemainder) {
    if (left === 0n) break;
    amounts[part.index] = (amounts[part.index] ?? 0n) + 1n;
    left -= 1n;
  }
  return amounts.map((value) => Number(value));
}
