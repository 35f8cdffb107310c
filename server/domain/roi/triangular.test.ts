import fc from "fast-check";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import type { Range } from "../debt/item";
import { triangular } from "./triangular";

// minor units or hundredths of a day, as the ranges the model draws from
const figure = fc.oneof(
  fc.integer({ min: 0, max: 10 ** 13 }),
  fc.integer({ min: 1, max: 10_000_000 }).map((h) => h / 100),
);
const range = fc.tuple(figure, figure, figure).map(([a, b, c]): Range => {
  const [low, likely, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
  return { low, likely, high };
});
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe("triangular", () => {
  it("maps the ends of [0, 1) to low and high, and the likely share to likely", () => {
    const r = { low: 14, likely: 17, high: 24 };
    expect(triangular(0, r)).toBe(14);
    expect(triangular(0.3, r)).toBeCloseTo(17, 12); // (17 - 14) / (24 - 14)
    expect(triangular(1 - 2 ** -53, r)).toBeCloseTo(24, 6);
    expect(triangular(0.5, { low: 0, likely: 0, high: 10 })).toBeCloseTo(10 - Math.sqrt(50), 12);
  });

  it("returns a single figure exactly", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e13, noNaN: true }), unit, (value, u) => {
        expect(triangular(u, { low: value, likely: value, high: value })).toBe(value);
      }),
    );
  });

  it("stays in range and never decreases as u grows", () => {
    fc.assert(
      fc.property(range, unit, unit, (r, u1, u2) => {
        const [a, b] = [triangular(Math.min(u1, u2), r), triangular(Math.max(u1, u2), r)];
        for (const draw of [a, b]) {
          expect(draw).toBeGreaterThanOrEqual(r.low);
          expect(draw).toBeLessThanOrEqual(r.high);
        }
        expect(a).toBeLessThanOrEqual(b);
      }),
    );
  });

  it("has a mean converging to (low + likely + high) / 3", () => {
    fc.assert(
      fc.property(range, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (r, seed) => {
        const rng = xoroshiro128plus(seed);
        const draws = 20_000;
        let sum = 0;
        for (let i = 0; i < draws; i += 1) sum += triangular((rng.next() >>> 0) / 2 ** 32, r);
        const mean = (r.low + r.likely + r.high) / 3;
        // the standard deviation of a triangular distribution is at most width / sqrt(18); allow 5 standard errors
        const tolerance = (5 * (r.high - r.low)) / Math.sqrt(18 * draws) + 1e-9 * r.high;
        expect(Math.abs(sum / draws - mean)).toBeLessThanOrEqual(tolerance);
      }),
      { numRuns: 30 },
    );
  });
});
