import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { daysInHundredths, fixCostFromHundredths, roundHalfUp } from "../debt/money";
import { drawModel, itemNpv } from "./draw-model";
import type { RoiInputs } from "./inputs";
import type { HistogramBin, MonteCarloSummary } from "./report";
import { drawTriangular } from "./triangular";

// The NPV's confidence interval (issue 17, item 7). Each draw takes every scheduled or fixed debt
// item's cost per quarter and fix days from their triangular distributions (everything else is
// fixed) and computes the NPV in O(items) (./draw-model.ts). The generator is xoroshiro128+ seeded
// with inputs.seed and used in a fixed order (per draw, per item: cost, then days), so the same
// inputs and seed give identical figures on every machine.

const HISTOGRAM_BINS = 20;

/**
 * Work above this many units (draws x (simulated debt items + 1)) runs as a job. bench/roi.ts
 * measured 10,000 draws x 51 units (510,000) at a p95 of 37-46 ms of CPU time over three runs on
 * the reference machine (2 cores; 2026-12-02, load average 9-14 from parallel test runs, wall
 * time 2-3x the CPU time): 74-90 ns a unit, so 200 ms is 2,200,000-2,700,000 units.
 */
export const SIMULATION_JOB_UNITS = 2_500_000;

export function simulationRunsAsJob(inputs: RoiInputs): boolean {
  const simulated = inputs.debt.filter((item) => item.fixMonth !== null).length;
  return inputs.draws * (simulated + 1) > SIMULATION_JOB_UNITS;
}

export function pendingMonteCarlo(inputs: RoiInputs): MonteCarloSummary {
  return {
    status: "pending",
    seed: inputs.seed,
    draws: inputs.draws,
    npvP10Minor: null,
    npvP50Minor: null,
    npvP90Minor: null,
    probabilityPositive: null,
    histogram: [],
  };
}

/** The NPV of each draw, rounded half-up, in draw order. */
export function simulatedNpvs(inputs: RoiInputs): Float64Array {
  const model = drawModel(inputs);
  const rng = xoroshiro128plus(inputs.seed);
  const npvs = new Float64Array(inputs.draws);
  const { items, dayRateMinor, fixedNpv } = model;
  for (let draw = 0; draw < inputs.draws; draw += 1) {
    let npv = fixedNpv;
    for (let index = 0; index < items.length; index += 1) {
      const item = items[index]!;
      // the same rounding as debtAmounts (./cash-flows.ts), inlined: this loop runs 500,000 times
      const perQuarterMinor = Math.round(drawTriangular(item.costPerQuarterMinor, (rng.next() >>> 0) / 0x1_0000_0000));
      const days = drawTriangular(item.fixDays, (rng.next() >>> 0) / 0x1_0000_0000);
      const fixCostMinor = dayRateMinor === null ? 0 : fixCostFromHundredths(daysInHundredths(days), dayRateMinor);
      npv += itemNpv(item, perQuarterMinor, fixCostMinor);
    }
    npvs[draw] = roundHalfUp(npv);
  }
  return npvs;
}

/** The value at a percentile by nearest rank: the ceil(p/100 x n)-th smallest. */
export function nearestRank(sorted: Float64Array, percentile: number): number {
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Up to 20 bins of equal width (whole minor units) from the lowest NPV to the highest, the last closed. */
export function histogram(sorted: Float64Array): HistogramBin[] {
  if (sorted.length === 0) return [];
  const lowest = sorted[0]!;
  const span = sorted[sorted.length - 1]! - lowest;
  if (span === 0) return [{ fromMinor: lowest, toMinor: lowest, count: sorted.length }];
  const bins = Math.min(HISTOGRAM_BINS, span);
  const edge = (index: number) => lowest + Math.floor((span * index) / bins);
  const result: HistogramBin[] = [];
  let next = 0;
  for (let index = 0; index < bins; index += 1) {
    const [fromMinor, toMinor] = [edge(index), edge(index + 1)];
    const last = index === bins - 1;
    let count = 0;
    while (next < sorted.length && (sorted[next]! < toMinor || last)) {
      count += 1;
      next += 1;
    }
    result.push({ fromMinor, toMinor, count });
  }
  return result;
}

export function simulateRoi(inputs: RoiInputs): MonteCarloSummary {
  if (inputs.draws < 1) return { ...pendingMonteCarlo(inputs), status: "ready" };
  const sorted = simulatedNpvs(inputs).sort();
  let positive = 0;
  for (const npv of sorted) if (npv > 0) positive += 1;
  return {
    status: "ready",
    seed: inputs.seed,
    draws: inputs.draws,
    npvP10Minor: nearestRank(sorted, 10),
    npvP50Minor: nearestRank(sorted, 50),
    npvP90Minor: nearestRank(sorted, 90),
    probabilityPositive: positive / sorted.length,
    histogram: histogram(sorted),
  };
}
