import type { DebtImpact } from "../debt/item";
import type { RoiInputs } from "./inputs";
import type { SystemMapView } from "./system-map";

// The ROI answer: the REST body of GET /api/v1/engagements/{id}/roi (field names are a contract),
// the ROI page, the PDF's view-model source and the snapshot a share keeps.

export interface CashFlow {
  month: number;
  investmentMinor: number;
  benefitMinor: number;
  netMinor: number;
}

export interface HistogramBin {
  fromMinor: number;
  toMinor: number;
  count: number;
}

export interface MonteCarloSummary {
  /** "pending" while a large model's simulation runs as a job; the figures are then null */
  status: "ready" | "pending";
  seed: number;
  draws: number;
  npvP10Minor: number | null;
  npvP50Minor: number | null;
  npvP90Minor: number | null;
  /** the share of draws whose NPV is above zero, 0..1 */
  probabilityPositive: number | null;
  histogram: HistogramBin[];
}

export interface DebtFigures {
  id: string;
  title: string;
  impact: DebtImpact;
  /** the likely figure */
  costPerQuarterMinor: number;
  /** the likely figure */
  fixDays: number;
  /** null until the engagement has a day rate */
  fixCostMinor: number | null;
  costOfDelayPerWeekMinor: number;
  /** null when the fix cost is unknown or the cost of delay is zero; two decimals */
  paybackWeeks: number | null;
  /** cost of delay per week / likely days, in minor units per day, two decimals: highest first */
  wsjf: number;
  plAccount: string;
}

export interface RoiReport {
  currency: string;
  /** annual, e.g. 0.08 */
  discountRate: number;
  horizonMonths: number;
  cashFlows: CashFlow[];
  npvMinor: number;
  /** annualised, e.g. 0.153; null when the net flows never change sign */
  irrAnnual: number | null;
  paybackMonth: number | null;
  monteCarlo: MonteCarloSummary;
  /** ranked by WSJF, highest first */
  debt: DebtFigures[];
  /** the inputs the figures came from: the report's assumptions */
  inputs: RoiInputs;
  systemMap: SystemMapView;
}
