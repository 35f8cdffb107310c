import { createHash } from "node:crypto";
import { toCsv } from "../csv";
import { rankDebt } from "../debt/money";
import { cashFlows } from "./cash-flows";
import { drawModel, likelyNpvMinor } from "./draw-model";
import type { RoiInputs } from "./inputs";
import { irrAnnual, paybackMonth } from "./npv";
import type { MonteCarloSummary, RoiReport } from "./report";
import type { SystemMapView } from "./system-map";

// The ROI answer from its inputs. The Monte Carlo summary is passed in because it may come from
// the request (small models), from a job's stored result, or be pending (./monte-carlo.ts).

export function computeRoi(inputs: RoiInputs, systemMap: SystemMapView, monteCarlo: MonteCarloSummary): RoiReport {
  const flows = cashFlows(inputs);
  const nets = flows.map((flow) => flow.netMinor);
  return {
    currency: inputs.currency,
    discountRate: inputs.discountRateBp / 10_000,
    horizonMonths: inputs.horizonMonths,
    cashFlows: flows,
    // the same computation as each Monte Carlo draw, at the likely figures: equal to the NPV of
    // the cash flows above (npvMinor in ./npv.ts) but for the order of a float sum
    npvMinor: likelyNpvMinor(drawModel(inputs)),
    irrAnnual: irrAnnual(nets),
    paybackMonth: paybackMonth(nets),
    monteCarlo,
    debt: rankDebt(inputs.debt, inputs.dayRateMinor),
    inputs,
    systemMap,
  };
}

/** JSON with every object's keys sorted, so equal inputs always serialise to the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Raised whenever the engine's figures for the same inputs change (a rounding rule, the order the
 * generator is used in), so a stored simulation of the old engine is never served as current.
 */
export const ROI_ENGINE_VERSION = 1;

/** SHA-256 hex of the inputs' canonical JSON (with the engine version): a stored simulation's key. */
export function roiInputsHash(inputs: RoiInputs): string {
  return createHash("sha256")
    .update(canonicalJson({ engine: ROI_ENGINE_VERSION, inputs }))
    .digest("hex");
}

/** The cash flows for a finance system: one row per month index, amounts in minor units. */
export function roiCashFlowsCsv(report: RoiReport): string {
  return toCsv(
    ["month", "investmentMinor", "benefitMinor", "netMinor"],
    report.cashFlows.map((flow) => [flow.month, flow.investmentMinor, flow.benefitMinor, flow.netMinor]),
  );
}
