import { roundHalfUp } from "../debt/money";
import { debtAmounts, fixedLedgers } from "./cash-flows";
import type { RoiInputs } from "./inputs";
import { discountFactors } from "./npv";
import { triangularSampler, type TriangularSampler } from "./triangular";

// The NPV of the cash flows (./cash-flows.ts) as a sum over debt items instead of over months, so a
// Monte Carlo draw costs O(debt items), not O(months x items). A draw changes only the debt items'
// amounts; each item's discounted flows are its fix cost times one discount factor plus its
// quarterly benefit times the sum of the factors of the months it is paid in. The benefit's monthly
// split (a third each month, the remainder to the quarter's first months) is kept exact by summing
// the factors per month of the quarter (three "phase" sums). The deterministic NPV is this same
// function at the likely figures, so a model whose ranges are single figures simulates to it exactly.

export interface DrawItem {
  costPerQuarterMinor: TriangularSampler;
  fixDays: TriangularSampler;
  /** the discount factor of the fix month (0 outside the horizon) */
  fixFactor: number;
  /** sums of the discount factors of the benefit's 1st, 2nd and 3rd months of each quarter */
  phase0: number;
  phase1: number;
  phase2: number;
}

export interface DrawModel {
  /** the unrounded NPV of the flows no draw changes */
  fixedNpv: number;
  dayRateMinor: number | null;
  /** the debt items with a fix month, in the order of inputs.debt */
  items: DrawItem[];
}

export function drawModel(inputs: RoiInputs): DrawModel {
  const horizon = inputs.horizonMonths;
  const factors = discountFactors(horizon, inputs.discountRateBp);
  // everyThird[t] = factor[t] + factor[t + 3] + factor[t + 6] + ...
  const everyThird = new Float64Array(horizon + 3);
  for (let t = horizon - 1; t >= 0; t -= 1) everyThird[t] = factors[t]! + everyThird[t + 3]!;
  /** the factors of months start + phase, start + phase + 3, ... that lie in the horizon */
  const phaseSum = (start: number, phase: number) => {
    const first = start + phase >= 0 ? start + phase : (((start + phase) % 3) + 3) % 3;
    return first < horizon ? everyThird[first]! : 0;
  };

  const fixed = fixedLedgers(inputs);
  let fixedNpv = 0;
  for (let t = 0; t < horizon; t += 1) fixedNpv += (fixed.benefit[t]! - fixed.investment[t]!) * factors[t]!;

  const items: DrawItem[] = [];
  for (const item of inputs.debt) {
    if (item.fixMonth === null) continue;
    const start = item.fixMonth + 1;
    items.push({
      costPerQuarterMinor: triangularSampler(item.costPerQuarterMinor),
      fixDays: triangularSampler(item.fixDays),
      fixFactor: item.fixMonth >= 0 && item.fixMonth < horizon ? factors[item.fixMonth]! : 0,
      phase0: phaseSum(start, 0),
      phase1: phaseSum(start, 1),
      phase2: phaseSum(start, 2),
    });
  }
  return { fixedNpv, dayRateMinor: inputs.dayRateMinor, items };
}

/** One item's discounted flows for whole-minor-unit amounts (unrounded). */
export function itemNpv(item: DrawItem, perQuarterMinor: number, fixCostMinor: number): number {
  const third = Math.floor(perQuarterMinor / 3);
  const remainder = perQuarterMinor - 3 * third;
  const benefit =
    third * (item.phase0 + item.phase1 + item.phase2) +
    (remainder >= 1 ? item.phase0 : 0) +
    (remainder >= 2 ? item.phase1 : 0);
  return benefit - fixCostMinor * item.fixFactor;
}

/** The NPV at every item's likely figures, rounded half-up once. */
export function likelyNpvMinor(model: DrawModel): number {
  let npv = model.fixedNpv;
  for (const item of model.items) {
    const amounts = debtAmounts(item.costPerQuarterMinor.likely, item.fixDays.likely, model.dayRateMinor);
    npv += itemNpv(item, amounts.costPerQuarterMinor, amounts.fixCostMinor);
  }
  return roundHalfUp(npv);
}
