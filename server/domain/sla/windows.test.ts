import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  errorRateValue,
  exclusionTest,
  firstWindowFrom,
  gaugeMaxValue,
  isExcluded,
  latencyValue,
  mergeSpans,
  MINUTE_MS,
  nearestRank,
  windowStart,
  windowsIn,
} from "./windows";

const at = (iso: string) => Date.parse(iso);
const instant = fc.integer({ min: at("2000-01-01T00:00:00Z"), max: at("2040-01-01T00:00:00Z") });
const windowMinutes = fc.constantFrom(1, 5, 7, 15, 60, 90, 1440);

describe("windowStart and windowsIn", () => {
  it("aligns windows to multiples of their length since the Unix epoch, whatever the zone", () => {
    expect(windowStart(at("2026-11-03T10:07:59.999Z"), 5)).toBe(at("2026-11-03T10:05:00Z"));
    expect(windowStart(at("2026-11-03T10:05:00Z"), 5)).toBe(at("2026-11-03T10:05:00Z"));
    expect(windowStart(at("2026-11-03T10:07:00Z"), 1440)).toBe(at("2026-11-03T00:00:00Z"));
    expect(windowStart(-1, 5)).toBe(-5 * MINUTE_MS);
  });

  it("puts every instant in exactly one aligned window", () => {
    fc.assert(
      fc.property(instant, windowMinutes, (ms, minutes) => {
        const start = windowStart(ms, minutes);
        expect(start % (minutes * MINUTE_MS)).toBe(0);
        expect(start <= ms && ms < start + minutes * MINUTE_MS).toBe(true);
        expect(firstWindowFrom(ms, minutes) >= ms).toBe(true);
        expect(firstWindowFrom(ms, minutes) - ms < minutes * MINUTE_MS).toBe(true);
      }),
    );
  });

  it("lists the windows whose start lies in the span, contiguous, and the windows of adjacent spans never overlap", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
        fc.integer({ min: 0, max: 86_400_000 }),
        windowMinutes,
        (from, a, b, minutes) => {
          const first = windowsIn({ from, to: from + a }, minutes);
          const second = windowsIn({ from: from + a, to: from + a + b }, minutes);
          const whole = windowsIn({ from, to: from + a + b }, minutes);
          expect([...first, ...second]).toEqual(whole);
          whole.forEach((start, i) => {
            expect(start >= from && start < from + a + b).toBe(true);
            if (i > 0) expect(start - (whole[i - 1] as number)).toBe(minutes * MINUTE_MS);
          });
          expect(whole.length).toBe(
            Math.round(
              (firstWindowFrom(from + a + b, minutes) - firstWindowFrom(from, minutes)) / (minutes * MINUTE_MS),
            ),
          );
        },
      ),
    );
  });
});

describe("exclusions", () => {
  const fiveMinutes = at("2026-11-03T10:05:00Z");

  it("excludes a window that overlaps an exclusion, and only then (half-open intervals)", () => {
    const exclusion = (from: string, to: string) => [{ from: at(from), to: at(to) }];
    expect(isExcluded(fiveMinutes, 5, exclusion("2026-11-03T10:09:59Z", "2026-11-03T11:00:00Z"))).toBe(true);
    expect(isExcluded(fiveMinutes, 5, exclusion("2026-11-03T10:10:00Z", "2026-11-03T11:00:00Z"))).toBe(false);
    expect(isExcluded(fiveMinutes, 5, exclusion("2026-11-03T10:00:00Z", "2026-11-03T10:05:00Z"))).toBe(false);
    expect(isExcluded(fiveMinutes, 5, exclusion("2026-11-03T10:00:00Z", "2026-11-03T10:05:01Z"))).toBe(true);
    expect(isExcluded(fiveMinutes, 5, [])).toBe(false);
  });

  it("answers the same through the merged index as by scanning every exclusion", () => {
    const span = fc
      .tuple(instant, fc.integer({ min: 1, max: 6 * 3_600_000 }))
      .map(([from, length]) => ({ from, to: from + length }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 8 }), instant, windowMinutes, (exclusions, ms, minutes) => {
        const start = windowStart(ms, minutes);
        const test = exclusionTest(minutes, exclusions);
        for (const probe of [
          start,
          start - minutes * MINUTE_MS,
          ...exclusions.map((e) => windowStart(e.from, minutes)),
        ]) {
          expect(test(probe)).toBe(isExcluded(probe, minutes, exclusions));
        }
        const merged = mergeSpans(exclusions);
        merged.slice(1).forEach((m, i) => expect(m.from > (merged[i] as { to: number }).to).toBe(true));
      }),
    );
  });
});

describe("nearestRank", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("takes the value at rank ceil(p/100 x n), computed exactly", () => {
    expect(nearestRank(hundred, 99)).toBe(99);
    expect(nearestRank(hundred, 50)).toBe(50);
    expect(nearestRank(hundred, 100)).toBe(100);
    expect(nearestRank(hundred, 0.5)).toBe(1);
    expect(nearestRank(hundred, 99.1)).toBe(100);
    const thousand = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(nearestRank(thousand, 99.9)).toBe(999); // in floats 99.9 / 100 x 1000 is 999.0000000000001
    expect(nearestRank([3, 7, 8], 99)).toBe(8);
    expect(nearestRank([3, 7, 8], 66)).toBe(7);
    expect(nearestRank([3, 7, 8], 66.7)).toBe(8);
    expect(nearestRank([1200], 99)).toBe(1200);
  });

  it("refuses no values and a percentile outside (0, 100]", () => {
    expect(() => nearestRank([], 99)).toThrow(RangeError);
    expect(() => nearestRank([1], 0)).toThrow(RangeError);
    expect(() => nearestRank([1], 100.5)).toThrow(RangeError);
  });

  it("is the smallest value with at least p% of the values at or below it", () => {
    const percentile = fc.integer({ min: 1, max: 100_000 }).map((thousandths) => thousandths / 1000);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 300 }),
        percentile,
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const value = nearestRank(sorted, p);
          const atOrBelow = sorted.filter((v) => v <= value).length;
          const below = sorted.filter((v) => v < value).length;
          // compare in thousandths of a percent, in integers
          const needed = Math.round(p * 1000) * sorted.length;
          expect(atOrBelow * 100_000 >= needed).toBe(true);
          expect(below * 100_000 < needed).toBe(true);
        },
      ),
    );
  });
});

describe("window values", () => {
  it("computes latency, error rate and gauge windows", () => {
    expect(latencyValue([900, 1600, 1200], 99)).toBe(1600);
    expect(latencyValue([], 99)).toBeNull();
    expect(errorRateValue(3, 20)).toBe(15);
    expect(errorRateValue(0, 0)).toBeNull();
    expect(gaugeMaxValue([120, 4000, 310])).toBe(4000);
    expect(gaugeMaxValue([])).toBeNull();
  });
});
