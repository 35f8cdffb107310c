import { MoneyError } from "../money";
import type { DebtFigures } from "../roi/report";
import type { RoiDebtInput } from "../roi/inputs";

// The money rules of a debt item (issue 17, item 2). Every rule works on the exact inputs and rounds
// once, at its end: fix cost = likely days x day rate; cost of delay per week = likely cost per
// quarter / 13; payback weeks = fix cost / cost of delay per week; WSJF = cost of delay per week /
// likely days. Days carry two decimals, so they are counted in hundredths and the arithmetic is
// exact (BigInt where a product can pass 2^53).
//
// Half-up on a negative amount rounds half away from zero (-2.5 -> -3), as commercial rounding
// does: a figure and its negation then round to the negation of each other, so an NPV computed for
// the client is exactly minus the one computed for the consultant.

const WEEKS_PER_QUARTER = 13n;

/** numerator / denominator rounded half-up, halves away from zero; the denominator is not zero. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new MoneyError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** A float rounded to a whole number half-up, halves away from zero (used once, at a rule's end). */
export function roundHalfUp(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}

/** Days (at most two decimals) as a whole number of hundredths of a day. */
export function daysInHundredths(days: number): number {
  return Math.round(days * 100);
}

/** hundredths of a day x day rate / 100, rounded half-up: exact for any safe inputs. */
export function fixCostFromHundredths(hundredths: number, dayRateMinor: number): number {
  const product = hundredths * dayRateMinor;
  // Below 2^53 the float quotient is within 2^-7 of the exact one, an exact tie (x.50) is
  // representable, and any other quotient is at least 0.01 from a tie: rounding it is exact.
  if (product >= 0 && product <= Number.MAX_SAFE_INTEGER) return Math.round(product / 100);
  return Number(divideHalfUp(BigInt(hundredths) * BigInt(dayRateMinor), 100n));
}

export interface DebtMoney {
  fixCostMinor: number | null;
  costOfDelayPerWeekMinor: number;
  paybackWeeks: number | null;
  wsjf: number;
}

export function debtMoney(
  likely: { costPerQuarterMinor: number; fixDays: number },
  dayRateMinor: number | null,
): DebtMoney {
  const hundredths = daysInHundredths(likely.fixDays);
  if (hundredths <= 0) throw new MoneyError(`fix effort must be more than zero days, got ${likely.fixDays}`);
  if (!Number.isSafeInteger(likely.costPerQuarterMinor) || likely.costPerQuarterMinor < 0)
    throw new MoneyError(`cost per quarter must be non-negative minor units, got ${likely.costPerQuarterMinor}`);
  if (dayRateMinor !== null && (!Number.isSafeInteger(dayRateMinor) || dayRateMinor < 0))
    throw new MoneyError(`day rate must be non-negative minor units, got ${dayRateMinor}`);

  const perQuarter = BigInt(likely.costPerQuarterMinor);
  const days = BigInt(hundredths);
  const fixCostMinor = dayRateMinor === null ? null : fixCostFromHundredths(hundredths, dayRateMinor);
  const costOfDelayPerWeekMinor = Number(divideHalfUp(perQuarter, WEEKS_PER_QUARTER));
  // fix cost / (per quarter / 13), in hundredths of a week: hundredths x rate / 100 x 13 x 100 / per quarter
  const paybackWeeks =
    dayRateMinor === null || dayRateMinor === 0 || perQuarter === 0n
      ? null
      : Number(divideHalfUp(days * BigInt(dayRateMinor) * WEEKS_PER_QUARTER, perQuarter)) / 100;
  // (per quarter / 13) / (hundredths / 100), in hundredths of a minor unit per day
  const wsjf = Number(divideHalfUp(perQuarter * 10_000n, WEEKS_PER_QUARTER * days)) / 100;
  return { fixCostMinor, costOfDelayPerWeekMinor, paybackWeeks, wsjf };
}

/** The register in priority order: WSJF highest first, ties by title, then by id. */
export function rankDebt(debt: readonly RoiDebtInput[], dayRateMinor: number | null): DebtFigures[] {
  const figures = debt.map((item): DebtFigures => {
    const likely = { costPerQuarterMinor: item.costPerQuarterMinor.likely, fixDays: item.fixDays.likely };
    return {
      id: item.id,
      title: item.title,
      impact: item.impact,
      costPerQuarterMinor: likely.costPerQuarterMinor,
      fixDays: likely.fixDays,
      ...debtMoney(likely, dayRateMinor),
      plAccount: item.plAccount,
    };
  });
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return figures.sort((a, b) => b.wsjf - a.wsjf || byText(a.title, b.title) || byText(a.id, b.id));
}
