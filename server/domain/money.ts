// Money is always an integer count of minor units (fen, cents, fils). Floats never hold money.

export const BASIS_POINTS_TOTAL = 10_000;

export class MoneyError extends Error {
  override name = "MoneyError";
}

export function assertMinorUnits(value: number, label = "amount"): void {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`${label} must be a safe integer of minor units, got ${value}`);
}

/**
 * Splits a fee into shares (basis points summing to exactly 10,000) by the largest-remainder
 * method: every amount is within one minor unit of its exact share and the amounts sum exactly
 * to the fee. Ties in the remainder go to the earlier share, so the result is deterministic.
 */
export function splitByShares(feeMinor: number, sharesBp: readonly number[]): number[] {
  assertMinorUnits(feeMinor, "fee");
  if (feeMinor < 0) throw new MoneyError("fee must not be negative");
  if (sharesBp.length === 0) throw new MoneyError("at least one share is required");
  for (const share of sharesBp) {
    if (!Number.isInteger(share) || share < 0) throw new MoneyError(`share ${share} bp is not a non-negative integer`);
  }
  const total = sharesBp.reduce((sum, share) => sum + share, 0);
  if (total !== BASIS_POINTS_TOTAL) throw new MoneyError(`shares sum to ${total} bp, not ${BASIS_POINTS_TOTAL}`);

  // BigInt keeps fee * share exact beyond 2^53.
  const fee = BigInt(feeMinor);
  const whole = BigInt(BASIS_POINTS_TOTAL);
  const parts = sharesBp.map((share, index) => {
    const exact = fee * BigInt(share);
    return { index, floor: exact / whole, remainder: exact % whole };
  });
  let left = fee - parts.reduce((sum, part) => sum + part.floor, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const amounts = parts.map((part) => part.floor);
  for (const part of byRemainder) {
    if (left === 0n) break;
    amounts[part.index] = (amounts[part.index] ?? 0n) + 1n;
    left -= 1n;
  }
  return amounts.map((amount) => Number(amount));
}
