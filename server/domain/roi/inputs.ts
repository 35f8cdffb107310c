import type { DebtImpact, Range } from "../debt/item";

// What the ROI model reads, gathered by server/data/roi/inputs.ts and computed on by the pure engine
// (./cash-flows.ts, ./npv.ts, ./monte-carlo.ts). Months are indexes from the engagement's start
// month (month 0); the data layer turns dates into indexes, the engine never sees a date.

export const PL_RECURRENCES = ["one_off", "per_quarter"] as const;
export type PlRecurrence = (typeof PL_RECURRENCES)[number];
export const PL_EFFECTS = ["cost", "saving"] as const;
export type PlEffect = (typeof PL_EFFECTS)[number];

export const ROI_DEFAULTS = { discountRateBp: 800, horizonMonths: 36, draws: 10_000 } as const;
/**
 * Bounds on every input, chosen so that every sum the engine makes stays an exact integer below
 * 2^53 (9.007e15): 500 items x (day rate 1e9 x 10,000 days) = 5e15 of fix costs; 500 items x
 * 1e11 a quarter / 3 x 120 months = 2e15 of benefits.
 */
export const ROI_LIMITS = {
  maxHorizonMonths: 120,
  maxDraws: 100_000,
  maxDiscountRateBp: 10_000,
  maxDebtItems: 500,
  maxCostPerQuarterMinor: 100_000_000_000,
  maxFixDays: 10_000,
  maxDayRateMinor: 1_000_000_000,
  maxPlAmountMinor: 100_000_000_000,
} as const;

/** where a milestone's month came from: its invoice, its planned month, or assumed (month 0) */
export type MonthBasis = "invoiced" | "planned" | "assumed";

export interface RoiMilestoneInput {
  id: string;
  title: string;
  amountMinor: number;
  month: number;
  basis: MonthBasis;
}

export interface RoiDebtInput {
  id: string;
  title: string;
  impact: DebtImpact;
  plAccount: string;
  costPerQuarterMinor: Range;
  fixDays: Range;
  /** the month it is scheduled for or was fixed in; null while open (no fix cost, no benefit) */
  fixMonth: number | null;
  componentId: string | null;
}

export interface RoiObjectiveInput {
  id: string;
  title: string;
  costPerQuarterMinor: number;
  /** the month after its milestone is approved (or, before that, after the milestone's month); null: no gate */
  fromMonth: number | null;
}

export interface RoiAdrInput {
  id: string;
  number: number;
  title: string;
  plAccount: string;
  amountMinor: number;
  recurrence: PlRecurrence;
  effect: PlEffect;
  /** the month it was decided (month 0 when undated or before the start) */
  month: number;
}

export interface RoiInputs {
  currency: string;
  /** who pays: the engagement's client, named in the report's summary */
  clientName: string;
  /** the engagement's start month, YYYY-MM: month 0 */
  startMonth: string;
  discountRateBp: number;
  horizonMonths: number;
  /** null until the consultant sets it: fix costs are then unknown (counted as zero, said so) */
  dayRateMinor: number | null;
  seed: number;
  draws: number;
  milestones: RoiMilestoneInput[];
  debt: RoiDebtInput[];
  objectives: RoiObjectiveInput[];
  adrs: RoiAdrInput[];
}
