import { daysInHundredths, fixCostFromHundredths, roundHalfUp } from "../debt/money";
import type { RoiInputs } from "./inputs";
import type { CashFlow } from "./report";

// Monthly cash flows over the horizon (issue 17, item 5), months 0 .. horizonMonths - 1.
// Investments: each milestone's amount in its month; each scheduled or fixed debt item's fix cost
// in its fix month; an ADR's one-off cost in its month and its per-quarter cost each month from the
// month after the decision. Benefits: each scheduled or fixed debt item's cost per quarter from the
// month after its fix, each objective's from its month, an ADR's savings as its costs. Flows
// outside the horizon are ignored. An open debt item (no fix month) costs and saves nothing here.
//
// A quarterly amount is spread over its three months to the minor unit so that every quarter sums
// to exactly the amount: each month gets a third, and the remainder (0, 1 or 2 minor units) goes to
// the quarter's first months, as milestone amounts take a fee's remainder (splitByWeights).

/** A Monte Carlo draw: each debt item's cost per quarter and fix days, by index in inputs.debt. */
export interface DebtDraw {
  costPerQuarterMinor: readonly number[];
  fixDays: readonly number[];
}

/** The share of a quarterly amount paid `monthsIn` months after the recurring flow starts. */
export function monthlyShare(perQuarterMinor: number, monthsIn: number): number {
  const third = Math.floor(perQuarterMinor / 3);
  return third + (monthsIn % 3 < perQuarterMinor - 3 * third ? 1 : 0);
}

/** A debt item's money from drawn (or likely) figures: whole minor units, each rounded once. */
export function debtAmounts(
  perQuarter: number,
  fixDays: number,
  dayRateMinor: number | null,
): { costPerQuarterMinor: number; fixCostMinor: number } {
  return {
    costPerQuarterMinor: roundHalfUp(perQuarter),
    // an unknown day rate counts as no fix cost (the report says the rate is missing)
    fixCostMinor: dayRateMinor === null ? 0 : fixCostFromHundredths(daysInHundredths(fixDays), dayRateMinor),
  };
}

class MonthlyLedger {
  readonly months: number[];
  constructor(horizonMonths: number) {
    this.months = Array<number>(horizonMonths).fill(0);
  }
  once(month: number, amountMinor: number): void {
    if (month >= 0 && month < this.months.length) this.months[month]! += amountMinor;
  }
  quarterly(fromMonth: number, perQuarterMinor: number): void {
    for (let month = Math.max(fromMonth, 0); month < this.months.length; month += 1)
      this.months[month]! += monthlyShare(perQuarterMinor, month - fromMonth);
  }
}

/** The flows that no draw changes: milestones, objectives and ADRs. */
export function fixedLedgers(inputs: RoiInputs): { investment: number[]; benefit: number[] } {
  const investment = new MonthlyLedger(inputs.horizonMonths);
  const benefit = new MonthlyLedger(inputs.horizonMonths);
  for (const milestone of inputs.milestones) investment.once(milestone.month, milestone.amountMinor);
  for (const objective of inputs.objectives)
    if (objective.fromMonth !== null) benefit.quarterly(objective.fromMonth, objective.costPerQuarterMinor);
  for (const adr of inputs.adrs) {
    const ledger = adr.effect === "cost" ? investment : benefit;
    if (adr.recurrence === "one_off") ledger.once(adr.month, adr.amountMinor);
    else ledger.quarterly(adr.month + 1, adr.amountMinor);
  }
  return { investment: investment.months, benefit: benefit.months };
}

export function cashFlows(inputs: RoiInputs, draw?: DebtDraw): CashFlow[] {
  const fixed = fixedLedgers(inputs);
  const investment = new MonthlyLedger(inputs.horizonMonths);
  const benefit = new MonthlyLedger(inputs.horizonMonths);
  inputs.debt.forEach((item, index) => {
    if (item.fixMonth === null) return;
    const amounts = draw
      ? debtAmounts(draw.costPerQuarterMinor[index]!, draw.fixDays[index]!, inputs.dayRateMinor)
      : debtAmounts(item.costPerQuarterMinor.likely, item.fixDays.likely, inputs.dayRateMinor);
    investment.once(item.fixMonth, amounts.fixCostMinor);
    benefit.quarterly(item.fixMonth + 1, amounts.costPerQuarterMinor);
  });
  return investment.months.map((debtInvestment, month) => {
    const investmentMinor = fixed.investment[month]! + debtInvestment;
    const benefitMinor = fixed.benefit[month]! + benefit.months[month]!;
    return { month, investmentMinor, benefitMinor, netMinor: benefitMinor - investmentMinor };
  });
}
