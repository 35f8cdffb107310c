import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Range } from "../debt/item";
import { drawModel, likelyNpvMinor } from "./draw-model";
import type { RoiInputs } from "./inputs";
import { roiInputsArbitrary } from "./inputs-scenarios.fixture";
import {
  histogram,
  nearestRank,
  pendingMonteCarlo,
  simulatedNpvs,
  simulateRoi,
  simulationRunsAsJob,
  SIMULATION_JOB_UNITS,
} from "./monte-carlo";
import { sampleRoiInputs } from "./report.fixture";

/** every item at one end of its ranges: the lowest NPV (cheapest benefit, dearest fix) or the highest */
function atEnds(inputs: RoiInputs, end: "worst" | "best"): RoiInputs {
  const fix = (r: Range) => (end === "worst" ? r.high : r.low);
  const benefit = (r: Range) => (end === "worst" ? r.low : r.high);
  const point = (value: number) => ({ low: value, likely: value, high: value });
  return {
    ...inputs,
    debt: inputs.debt.map((item) => ({
      ...item,
      costPerQuarterMinor: point(benefit(item.costPerQuarterMinor)),
      fixDays: point(fix(item.fixDays)),
    })),
  };
}

describe("simulateRoi", () => {
  it("gives the sample's interval, identically for the same seed", () => {
    const summary = simulateRoi(sampleRoiInputs);
    expect(summary).toMatchObject({
      status: "ready",
      seed: 17,
      draws: 10_000,
      npvP10Minor: 4_612_323_920,
      npvP50Minor: 4_977_251_535,
      npvP90Minor: 5_371_791_891,
      probabilityPositive: 1,
    });
    expect(simulateRoi(sampleRoiInputs)).toEqual(summary);
    expect(simulateRoi({ ...sampleRoiInputs, seed: 18 }).npvP50Minor).not.toBe(summary.npvP50Minor);
    expect(summary.histogram).toHaveLength(20);
    expect(summary.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(10_000);
  });

  it("gives P10 = P50 = P90 = the deterministic NPV when every range is a single figure", () => {
    fc.assert(
      fc.property(roiInputsArbitrary({ pointsOnly: true }), (inputs) => {
        const npv = likelyNpvMinor(drawModel(inputs));
        const summary = simulateRoi(inputs);
        expect([summary.npvP10Minor, summary.npvP50Minor, summary.npvP90Minor]).toEqual([npv, npv, npv]);
        expect(summary.probabilityPositive).toBe(npv > 0 ? 1 : 0);
        expect(summary.histogram).toEqual([{ fromMinor: npv, toMinor: npv, count: inputs.draws }]);
      }),
    );
  });

  it("keeps every draw between the ends of the ranges, percentiles ordered, bins covering all draws", () => {
    fc.assert(
      fc.property(roiInputsArbitrary(), (inputs) => {
        const worst = likelyNpvMinor(drawModel(atEnds(inputs, "worst")));
        const best = likelyNpvMinor(drawModel(atEnds(inputs, "best")));
        for (const npv of simulatedNpvs(inputs)) {
          expect(npv).toBeGreaterThanOrEqual(worst - 1);
          expect(npv).toBeLessThanOrEqual(best + 1);
        }
        const summary = simulateRoi(inputs);
        expect(summary.npvP10Minor!).toBeLessThanOrEqual(summary.npvP50Minor!);
        expect(summary.npvP50Minor!).toBeLessThanOrEqual(summary.npvP90Minor!);
        expect(summary.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(inputs.draws);
        summary.histogram
          .slice(1)
          .forEach((bin, index) => expect(bin.fromMinor).toBe(summary.histogram[index]!.toMinor));
      }),
      { numRuns: 60 },
    );
  });
});

describe("percentiles and histogram", () => {
  const sorted = Float64Array.from({ length: 10 }, (_, i) => i + 1);

  it("takes percentiles by nearest rank", () => {
    expect([10, 50, 90, 100].map((p) => nearestRank(sorted, p))).toEqual([1, 5, 9, 10]);
    expect(nearestRank(Float64Array.of(7), 10)).toBe(7);
  });

  it("bins from the lowest to the highest, the last bin closed", () => {
    expect(histogram(Float64Array.of(0, 1, 1, 3))).toEqual([
      { fromMinor: 0, toMinor: 1, count: 1 },
      { fromMinor: 1, toMinor: 2, count: 2 },
      { fromMinor: 2, toMinor: 3, count: 1 },
    ]);
    const bins = histogram(Float64Array.from({ length: 1_001 }, (_, i) => -500 + i));
    expect(bins.map((bin) => bin.count)).toEqual([...Array<number>(19).fill(50), 51]);
    expect(bins[19]).toEqual({ fromMinor: 450, toMinor: 500, count: 51 });
    expect(histogram(new Float64Array())).toEqual([]);
  });
});

describe("running as a job", () => {
  it("keeps the issue's 10,000 draws over 50 items on the request path, and a hundredfold model off it", () => {
    const debt = Array.from({ length: 50 }, (_, i) => ({ ...sampleRoiInputs.debt[0]!, id: `d${i}` }));
    expect(simulationRunsAsJob({ ...sampleRoiInputs, debt })).toBe(false);
    expect(simulationRunsAsJob({ ...sampleRoiInputs, debt, draws: 100_000 })).toBe(true);
    // open items are not drawn
    const open = debt.map((item) => ({ ...item, fixMonth: null }));
    expect(simulationRunsAsJob({ ...sampleRoiInputs, debt: open, draws: SIMULATION_JOB_UNITS })).toBe(false);
  });

  it("says pending with no figures", () => {
    expect(pendingMonteCarlo(sampleRoiInputs)).toEqual({
      status: "pending",
      seed: 17,
      draws: 10_000,
      npvP10Minor: null,
      npvP50Minor: null,
      npvP90Minor: null,
      probabilityPositive: null,
      histogram: [],
    });
  });
});
