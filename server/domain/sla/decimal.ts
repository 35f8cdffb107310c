// Exact decimal reading of a JS number, so a percentage such as 99.9 or a credit of 2.5% is used as
// the decimal the contract wrote, not as its nearest binary fraction (99.9 x 1000 in floats is
// 99900.00000000001, which would move a nearest rank or a rounded credit by one).

/** value = units / 10^scale, exactly, for the shortest decimal that round-trips to the number. */
export interface ExactDecimal {
  units: bigint;
  scale: number;
}

export function exactDecimal(value: number): ExactDecimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [mantissa = "0", exponentText = "0"] = String(value).toLowerCase().split("e");
  const negative = mantissa.startsWith("-");
  const [whole = "0", fraction = ""] = mantissa.replace("-", "").split(".");
  let units = BigInt(whole + fraction);
  let scale = fraction.length - Number(exponentText);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: negative ? -units : units, scale };
}

/** numerator / denominator rounded half-up (both non-negative, denominator > 0). */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** ceil(numerator / denominator) for a non-negative numerator and positive denominator. */
export function divideCeil(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}
