import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WindowAggregate } from "./report";
import { findEpisodes, holds } from "./triggers";
import { MINUTE_MS } from "./windows";

const t0 = Date.parse("2026-11-12T08:00:00Z");
const FIVE = 5 * MINUTE_MS;
const windows = (values: (number | null)[]): WindowAggregate[] =>
  values.flatMap((value, i) => (value === null ? [] : [{ start: t0 + i * FIVE, value, samples: 1 }]));
const antiFragile = { when: "above" as const, value: 12, forMinutes: 5, action: "Joint load test" };
const span = (first: number, count: number) => ({ from: t0 + first * FIVE, to: t0 + (first + count) * FIVE });

describe("findEpisodes", () => {
  it("finds the anti-fragile clause's episodes: error rate above 12% for 5 minutes", () => {
    expect(findEpisodes(antiFragile, windows([3, 12, 12.5, 40, 2, 13]), 5)).toEqual([span(2, 2), span(5, 1)]);
  });

  it("keeps only runs that last forMinutes, and a missing window ends a run", () => {
    const tenMinutes = { ...antiFragile, forMinutes: 10 };
    expect(findEpisodes(tenMinutes, windows([13, 2, 13, 13, null, 13, 13, 13]), 5)).toEqual([span(2, 2), span(5, 3)]);
    expect(findEpisodes({ ...antiFragile, forMinutes: 11 }, windows([13, 13, 1]), 5)).toEqual([]);
  });

  it("watches for values below the trigger too, strictly", () => {
    const low = { when: "below" as const, value: 99.9, forMinutes: 5, action: "Review capacity" };
    expect(findEpisodes(low, windows([99.9, 99.8, 100]), 5)).toEqual([span(1, 1)]);
  });

  it("reads windows in any order", () => {
    expect(findEpisodes(antiFragile, windows([20, 20, 20]).reverse(), 5)).toEqual([span(0, 3)]);
  });

  it("returns maximal, long-enough runs of holding windows and nothing else", () => {
    const values = fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), { maxLength: 60 });
    const trigger = fc.record({
      when: fc.constantFrom("above" as const, "below" as const),
      value: fc.integer({ min: 0, max: 30 }),
      forMinutes: fc.integer({ min: 1, max: 40 }),
      action: fc.constant("Act"),
    });
    fc.assert(
      fc.property(values, trigger, (series, trig) => {
        const episodes = findEpisodes(trig, windows(series), 5);
        const holdsAt = (i: number) => {
          const value = series[i];
          return value !== null && value !== undefined && holds(trig, value);
        };
        const covered = new Set<number>();
        for (const episode of episodes) {
          expect(episode.to - episode.from).toBeGreaterThanOrEqual(trig.forMinutes * MINUTE_MS);
          const first = (episode.from - t0) / FIVE;
          const last = (episode.to - t0) / FIVE - 1;
          for (let i = first; i <= last; i += 1) {
            expect(holdsAt(i)).toBe(true);
            covered.add(i);
          }
          expect(holdsAt(first - 1)).toBe(false);
          expect(holdsAt(last + 1)).toBe(false);
        }
        // every run long enough is reported
        let runStart = -1;
        series.forEach((_, i) => {
          if (holdsAt(i) && runStart < 0) runStart = i;
          const endsHere = holdsAt(i) && !holdsAt(i + 1);
          if (endsHere && (i - runStart + 1) * 5 >= trig.forMinutes) expect(covered.has(runStart)).toBe(true);
          if (!holdsAt(i)) runStart = -1;
        });
      }),
    );
  });
});
