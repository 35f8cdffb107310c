import fc from "fast-check";
import type { Range } from "../debt/item";
import { DEBT_IMPACTS } from "../debt/item";
import { PL_EFFECTS, PL_RECURRENCES, type RoiDebtInput, type RoiInputs } from "./inputs";

// Random ROI models for the engine's property tests: months around and beyond the horizon (flows
// outside it must be ignored), ranges that are single figures or spread, open and scheduled items,
// and models without a day rate.

const month = (horizon: number) => fc.integer({ min: -4, max: horizon + 3 });
const money = fc.integer({ min: 0, max: 10 ** 10 });
const hundredths = fc.integer({ min: 1, max: 10_000 });

function ordered(values: number[]): Range {
  const [low, likely, high] = [...values].sort((a, b) => a - b) as [number, number, number];
  return { low, likely, high };
}

/** a range: a single figure or three figures; `pointsOnly` keeps every range a single figure */
const rangeOf = (figure: fc.Arbitrary<number>, pointsOnly: boolean): fc.Arbitrary<Range> =>
  pointsOnly
    ? figure.map((value) => ({ low: value, likely: value, high: value }))
    : fc.oneof(
        figure.map((value) => ({ low: value, likely: value, high: value })),
        fc.tuple(figure, figure, figure).map(ordered),
      );

const debtItem = (horizon: number, pointsOnly: boolean): fc.Arbitrary<Omit<RoiDebtInput, "id">> =>
  fc.record({
    title: fc.constantFrom("Gateway", "Retry queue", "Logs"),
    impact: fc.constantFrom(...DEBT_IMPACTS),
    plAccount: fc.constant("operations"),
    costPerQuarterMinor: rangeOf(money, pointsOnly),
    fixDays: rangeOf(hundredths, pointsOnly).map((r) => ({
      low: r.low / 100,
      likely: r.likely / 100,
      high: r.high / 100,
    })),
    fixMonth: fc.option(month(horizon), { nil: null, freq: 4 }),
    componentId: fc.constant(null),
  });

export function roiInputsArbitrary(options: { pointsOnly?: boolean; maxDebt?: number } = {}): fc.Arbitrary<RoiInputs> {
  const pointsOnly = options.pointsOnly ?? false;
  return fc.integer({ min: 1, max: 60 }).chain((horizon) =>
    fc.record({
      currency: fc.constant("CNY"),
      clientName: fc.constant("Eastbank"),
      startMonth: fc.constant("2026-09"),
      discountRateBp: fc.integer({ min: 0, max: 5_000 }),
      horizonMonths: fc.constant(horizon),
      dayRateMinor: fc.option(fc.integer({ min: 0, max: 10 ** 8 }), { nil: null, freq: 5 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      draws: fc.integer({ min: 1, max: 300 }),
      milestones: fc.array(
        fc.record({
          id: fc.uuid(),
          title: fc.constant("Milestone"),
          amountMinor: money,
          month: month(horizon),
          basis: fc.constantFrom("invoiced" as const, "planned" as const, "assumed" as const),
        }),
        { maxLength: 5 },
      ),
      debt: fc
        .array(debtItem(horizon, pointsOnly), { maxLength: options.maxDebt ?? 8 })
        .map((items) => items.map((item, index) => ({ ...item, id: `debt-${index}` }))),
      objectives: fc.array(
        fc.record({
          id: fc.uuid(),
          title: fc.constant("Objective"),
          costPerQuarterMinor: money,
          fromMonth: fc.option(month(horizon), { nil: null }),
        }),
        { maxLength: 3 },
      ),
      adrs: fc.array(
        fc.record({
          id: fc.uuid(),
          number: fc.integer({ min: 1, max: 99 }),
          title: fc.constant("Decision"),
          plAccount: fc.constant("infrastructure"),
          amountMinor: money,
          recurrence: fc.constantFrom(...PL_RECURRENCES),
          effect: fc.constantFrom(...PL_EFFECTS),
          month: fc.integer({ min: 0, max: horizon + 3 }),
        }),
        { maxLength: 3 },
      ),
    }),
  );
}
