import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundHalfUp } from "../debt/money";
import { cashFlows, debtAmounts, type DebtDraw } from "./cash-flows";
import { drawModel, itemNpv, likelyNpvMinor } from "./draw-model";
import type { RoiInputs } from "./inputs";
import { roiInputsArbitrary } from "./inputs-scenarios.fixture";
import { npvMinor } from "./npv";
import { sampleRoiInputs } from "./report.fixture";

const monthByMonth = (inputs: RoiInputs, draw?: DebtDraw) =>
  npvMinor(
    cashFlows(inputs, draw).map((flow) => flow.netMinor),
    inputs.discountRateBp,
  );

/** the model's NPV for a draw, item by item, as each Monte Carlo draw computes it */
function itemByItem(inputs: RoiInputs, draw: DebtDraw): number {
  const model = drawModel(inputs);
  const scheduled = inputs.debt.flatMap((item, index) => (item.fixMonth === null ? [] : [index]));
  let npv = model.fixedNpv;
  model.items.forEach((item, position) => {
    const index = scheduled[position]!;
    const amounts = debtAmounts(draw.costPerQuarterMinor[index]!, draw.fixDays[index]!, inputs.dayRateMinor);
    npv += itemNpv(item, amounts.costPerQuarterMinor, amounts.fixCostMinor);
  });
  return roundHalfUp(npv);
}

describe("drawModel", () => {
  it("gives the NPV of the sample's cash flows exactly", () => {
    expect(likelyNpvMinor(drawModel(sampleRoiInputs))).toBe(monthByMonth(sampleRoiInputs));
    expect(monthByMonth(sampleRoiInputs)).toBe(4_935_460_865);
  });

  it("sums by item what the cash flows sum by month, for any model and draw", () => {
    const withDraw = roiInputsArbitrary().chain((inputs) => {
      const each = <T>(value: fc.Arbitrary<T>) =>
        fc.array(value, { minLength: inputs.debt.length, maxLength: inputs.debt.length });
      return fc.record({
        inputs: fc.constant(inputs),
        draw: fc.record({
          costPerQuarterMinor: each(fc.double({ min: 0, max: 1e10, noNaN: true })),
          fixDays: each(fc.double({ min: 0.01, max: 100, noNaN: true })),
        }),
      });
    });
    fc.assert(
      fc.property(withDraw, ({ inputs, draw }) => {
        // the two orders of summation differ only in a float's last bits, never by a minor unit more
        expect(Math.abs(itemByItem(inputs, draw) - monthByMonth(inputs, draw))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("at the likely figures is the NPV of the cash flows", () => {
    fc.assert(
      fc.property(roiInputsArbitrary(), (inputs) => {
        expect(Math.abs(likelyNpvMinor(drawModel(inputs)) - monthByMonth(inputs))).toBeLessThanOrEqual(1);
      }),
    );
  });
});
