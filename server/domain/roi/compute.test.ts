import { describe, expect, it } from "vitest";
import { cashFlows } from "./cash-flows";
import { canonicalJson, computeRoi, roiCashFlowsCsv, roiInputsHash } from "./compute";
import { pendingMonteCarlo } from "./monte-carlo";
import { irrAnnual, npvMinor } from "./npv";
import { sampleRoiInputs, sampleRoiReport, sampleSystemMap } from "./report.fixture";

describe("computeRoi", () => {
  it("answers the field guide's engagement", () => {
    const report = sampleRoiReport();
    const nets = cashFlows(sampleRoiInputs).map((flow) => flow.netMinor);
    expect(report).toMatchObject({
      currency: "CNY",
      discountRate: 0.08,
      horizonMonths: 36,
      npvMinor: npvMinor(nets, 800),
      irrAnnual: irrAnnual(nets),
      // months 0-2 invest CNY 996,666.66; month 3 alone returns CNY 1,718,333.33
      paybackMonth: 3,
      inputs: sampleRoiInputs,
      systemMap: sampleSystemMap,
    });
    expect(report.npvMinor).toBe(4_935_460_865);
    expect(report.irrAnnual).toBeGreaterThan(100);
    expect(report.monteCarlo.status).toBe("ready");
    expect(report.debt.map((item) => [item.title, item.wsjf])).toEqual([
      ["Legacy JSON-RPC gateway without circuit breaker", 1_900_452.49],
      ["Unbounded retry queue in the block fetcher", 1_330_769.23],
      ["Hard-coded node endpoints in the reconciler", 769_230.77],
      ["No structured logs in the ledger writer", 369_230.77],
    ]);
  });

  it("passes a pending simulation through and has no IRR when nothing is invested", () => {
    const inputs = { ...sampleRoiInputs, milestones: [], debt: [], adrs: [] };
    const report = computeRoi(inputs, sampleSystemMap, pendingMonteCarlo(inputs));
    expect(report.monteCarlo.status).toBe("pending");
    expect(report.irrAnnual).toBeNull();
    expect(report.paybackMonth).toBe(0);
  });
});

describe("roiInputsHash", () => {
  it("is the SHA-256 of the canonical inputs: key order does not matter, any figure does", () => {
    const hash = roiInputsHash(sampleRoiInputs);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(sampleRoiInputs).reverse()) as typeof sampleRoiInputs;
    expect(roiInputsHash(reordered)).toBe(hash);
    expect(roiInputsHash({ ...sampleRoiInputs, seed: 18 })).not.toBe(hash);
    expect(roiInputsHash({ ...sampleRoiInputs, debt: sampleRoiInputs.debt.slice(1) })).not.toBe(hash);
    expect(canonicalJson({ b: [{ d: 1, c: null }], a: "x" })).toBe('{"a":"x","b":[{"c":null,"d":1}]}');
  });
});

describe("roiCashFlowsCsv", () => {
  it("writes one row per month in minor units", () => {
    const lines = roiCashFlowsCsv(sampleRoiReport()).split("\r\n");
    expect(lines.slice(0, 4)).toEqual([
      "month,investmentMinor,benefitMinor,netMinor",
      "0,36000000,0,-36000000",
      "1,6000000,3000000,-3000000",
      "2,92400000,31833334,-60566666",
    ]);
    expect(lines).toHaveLength(36 + 2);
    expect(lines.at(-1)).toBe("");
  });
});
