import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenario } from "./clause-scenarios.fixture";
import { evaluateClause } from "./evaluate";
import { aggregateWindows, measurementsFromSamples, referenceCompliance, type ReferenceInput } from "./reference";
import { meets } from "./terms";
import { exclusionSpans, isExcluded, MINUTE_MS, windowsIn } from "./windows";

// The engine (window aggregates, as the data layer caches them, judged by evaluateClause) against
// the plain reading of the rules from raw samples, on random clauses in daylight-saving zones.

const engine = (input: ReferenceInput) => evaluateClause({ ...input, measurements: measurementsFromSamples(input) });
const windowed = scenario({ metrics: ["latency_percentile", "error_rate", "gauge_max"] });

describe("the engine against the reference implementation", () => {
  it("gives the same compliance for every metric, period, zone, exclusion, cap and moment", () => {
    fc.assert(
      fc.property(scenario(), (input) => {
        expect(engine(input)).toEqual(referenceCompliance(input));
      }),
      { numRuns: 400 },
    );
  });

  it("agrees on incidents that straddle the period's start and end", () => {
    fc.assert(
      fc.property(windowed, (input) => {
        const result = engine(input);
        expect(result).toEqual(referenceCompliance(input));
        for (const incident of result.incidents) {
          const from = Date.parse(incident.from);
          expect(from >= input.span.from && from < input.span.to).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("properties of a judged clause", () => {
  it("reports maximal incidents of breached windows only", () => {
    fc.assert(
      fc.property(windowed, (input) => {
        const { terms, asOf } = input;
        const length = (terms.windowMinutes as number) * MINUTE_MS;
        const byStart = new Map(aggregateWindows(input.samples, terms).map((w) => [w.start, w]));
        const exclusions = exclusionSpans(terms.exclusions);
        const breached = (start: number) => {
          const window = byStart.get(start);
          if (!window || start >= asOf || isExcluded(start, terms.windowMinutes as number, exclusions)) return false;
          return !meets(window.value, terms.comparator, terms.target);
        };
        const incidents = engine(input).incidents;
        incidents.forEach((incident, i) => {
          const from = Date.parse(incident.from);
          const to = Date.parse(incident.to);
          expect(to - from).toBe(incident.windows * length);
          for (let start = from; start < to; start += length) expect(breached(start)).toBe(true);
          expect(breached(from - length)).toBe(false);
          expect(breached(to)).toBe(false);
          if (i > 0) expect(from).toBeGreaterThan(Date.parse((incidents[i - 1] as { to: string }).to));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("never pays more than a cap", () => {
    fc.assert(
      fc.property(scenario(), (input) => {
        const result = engine(input);
        const { credit } = input.terms;
        if (credit.type === "per_incident") {
          for (const incident of result.incidents)
            expect(incident.creditMinor).toBeLessThanOrEqual(credit.capPerIncidentMinor);
        }
        if (credit.capPerPeriodMinor !== null) expect(result.creditMinor).toBeLessThanOrEqual(credit.capPerPeriodMinor);
        if (!result.creditApplies) expect(result).toMatchObject({ creditMinor: 0, capped: false });
      }),
      { numRuns: 300 },
    );
  });

  it("counts every window of the judged period once, and an exclusion never adds a breach", () => {
    fc.assert(
      fc.property(windowed, (input) => {
        const result = engine(input);
        const minutes = input.terms.windowMinutes as number;
        const judged = { from: input.span.from, to: Math.min(input.span.to, input.asOf) };
        expect(result.windows.total + result.windows.excluded).toBe(
          judged.to > judged.from ? windowsIn(judged, minutes).length : 0,
        );
        expect(result.windows.breached + result.windows.noData).toBeLessThanOrEqual(result.windows.total);
        const exclusions = exclusionSpans(input.terms.exclusions);
        for (const incident of result.incidents) {
          for (let start = Date.parse(incident.from); start < Date.parse(incident.to); start += minutes * MINUTE_MS) {
            expect(isExcluded(start, minutes, exclusions)).toBe(false);
          }
        }
        const unexcluded = engine({ ...input, terms: { ...input.terms, exclusions: [] } });
        expect(result.windows.breached).toBeLessThanOrEqual(unexcluded.windows.breached);
        expect(result.met === false).toBe(result.windows.breached > 0);
      }),
      { numRuns: 300 },
    );
  });

  it("gives 100% availability without downtime, whatever is excluded", () => {
    fc.assert(
      fc.property(scenario({ metrics: ["availability"] }), (input) => {
        const result = engine({ ...input, downtime: [] });
        expect(result.value === null || result.value === 100).toBe(true);
        if (result.value !== null) expect(result.creditMinor).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
