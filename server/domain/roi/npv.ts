import { roundHalfUp } from "../debt/money";

// Discounting monthly net flows (issue 17, item 6). The annual rate r becomes the monthly rate
// m = (1 + r)^(1/12) - 1, so a month's factor 1 / (1 + m)^t is (1 + r)^(-t/12), computed directly
// (one rounding step per factor instead of t).

/** 1 / (1 + m)^t for t = 0 .. months - 1, at an annual rate in basis points. */
export function discountFactors(months: number, discountRateBp: number): Float64Array {
  const growth = 1 + discountRateBp / 10_000;
  const factors = new Float64Array(months);
  for (let t = 0; t < months; t += 1) factors[t] = growth ** (-t / 12);
  return factors;
}

/** sum of net_t / (1 + m)^t, rounded half-up to minor units once, at the end. */
export function npvMinor(nets: readonly number[], discountRateBp: number): number {
  const factors = discountFactors(nets.length, discountRateBp);
  let sum = 0;
  for (let t = 0; t < nets.length; t += 1) sum += nets[t]! * factors[t]!;
  return roundHalfUp(sum);
}

/** NPV at a monthly rate, by Horner's rule in v = 1 / (1 + m) (stable for rates near -100% too). */
function npvAtMonthly(nets: readonly number[], monthly: number): number {
  const v = 1 / (1 + monthly);
  let sum = 0;
  for (let t = nets.length - 1; t >= 0; t -= 1) sum = sum * v + nets[t]!;
  return sum;
}

// The search runs over x = ln(1 + m): from m = -99% to m = +10,000% a month, scanned in steps
// fine enough to separate the roots a few dozen monthly flows can have, then bisected.
const LOWEST_GROWTH = Math.log(0.01);
const HIGHEST_GROWTH = Math.log(101);
const SCAN_STEPS = 2_000;

function bisect(nets: readonly number[], low: number, high: number): number {
  let lowValue = npvAtMonthly(nets, Math.expm1(low));
  for (let step = 0; step < 200 && high - low > 1e-15; step += 1) {
    const middle = (low + high) / 2;
    const value = npvAtMonthly(nets, Math.expm1(middle));
    if (value === 0) return middle;
    if (value > 0 === lowValue > 0) [low, lowValue] = [middle, value];
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * The monthly rate where NPV = 0; null when the flows never change sign or no root lies between
 * -99% and +10,000% a month. With several roots (flows changing sign more than once) the one
 * nearest to 0% is returned, nearness measured as |ln(1 + m)| (a halving as far as a doubling).
 */
export function irrMonthly(nets: readonly number[]): number | null {
  if (!nets.some((net) => net > 0) || !nets.some((net) => net < 0)) return null;
  const roots: number[] = [];
  let previousX = LOWEST_GROWTH;
  let previous = npvAtMonthly(nets, Math.expm1(previousX));
  for (let step = 1; step <= SCAN_STEPS; step += 1) {
    const x = LOWEST_GROWTH + ((HIGHEST_GROWTH - LOWEST_GROWTH) * step) / SCAN_STEPS;
    const value = npvAtMonthly(nets, Math.expm1(x));
    if (previous === 0) roots.push(previousX);
    else if (value !== 0 && value > 0 !== previous > 0) roots.push(bisect(nets, previousX, x));
    [previousX, previous] = [x, value];
  }
  if (previous === 0) roots.push(previousX);
  if (roots.length === 0) return null;
  const nearest = roots.reduce((best, root) => (Math.abs(root) < Math.abs(best) ? root : best));
  return Math.expm1(nearest);
}

/** The IRR annualised, (1 + m)^12 - 1; null as irrMonthly. */
export function irrAnnual(nets: readonly number[]): number | null {
  const monthly = irrMonthly(nets);
  return monthly === null ? null : Math.expm1(12 * Math.log1p(monthly));
}

/**
 * The first month whose cumulative undiscounted net is >= 0 once money has gone out: empty months
 * before the first investment do not "pay back". Null when the cumulative never recovers, or when
 * nothing ever flows; 0 when the cumulative is never negative and something comes in.
 */
export function paybackMonth(nets: readonly number[]): number | null {
  let cumulative = 0;
  let invested = false;
  let anyFlow = false;
  for (let t = 0; t < nets.length; t += 1) {
    cumulative += nets[t]!;
    if (nets[t] !== 0) anyFlow = true;
    if (cumulative < 0) invested = true;
    else if (invested) return t;
  }
  return invested || !anyFlow ? null : 0;
}
