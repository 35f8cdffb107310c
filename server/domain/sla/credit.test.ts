import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capPeriod, perIncidentCredit, tieredCredit, tierPct } from "./credit";
import { exactDecimal } from "./decimal";

// The field guide's cap: CNY 2,000 per breached 5-minute window, at most CNY 85,000 per incident.
const fieldGuide = { perBreachedWindowMinor: 200_000, capPerIncidentMinor: 8_500_000 };
const availabilityTiers = [
  { below: 99.995, creditPct: 5 },
  { below: 99.9, creditPct: 10 },
  { below: 99, creditPct: 25 },
];

describe("perIncidentCredit and capPeriod", () => {
  it("pays per breached window up to the incident cap", () => {
    expect(perIncidentCredit(fieldGuide, 50)).toEqual({ creditMinor: 8_500_000, capped: true });
    expect(perIncidentCredit(fieldGuide, 3)).toEqual({ creditMinor: 600_000, capped: false });
    // exactly at the cap is not lowered by it
    expect(perIncidentCredit({ perBreachedWindowMinor: 100, capPerIncidentMinor: 500 }, 5)).toEqual({
      creditMinor: 500,
      capped: false,
    });
  });

  it("sums a period's incidents, then caps the sum", () => {
    expect(capPeriod([8_500_000, 600_000], null)).toEqual({ creditMinor: 9_100_000, capped: false });
    expect(capPeriod([8_500_000, 600_000], 9_000_000)).toEqual({ creditMinor: 9_000_000, capped: true });
    expect(capPeriod([], 0)).toEqual({ creditMinor: 0, capped: false });
  });

  it("stays exact when a large per-window credit meets many windows", () => {
    const huge = { perBreachedWindowMinor: Number.MAX_SAFE_INTEGER, capPerIncidentMinor: Number.MAX_SAFE_INTEGER - 1 };
    expect(perIncidentCredit(huge, 1_000_000)).toEqual({ creditMinor: Number.MAX_SAFE_INTEGER - 1, capped: true });
    expect(() => capPeriod([Number.MAX_SAFE_INTEGER, 1], null)).toThrow(RangeError);
  });

  it("never pays more than a cap", () => {
    const minor = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(minor, minor, fc.integer({ min: 0, max: 100_000 }), (per, cap, windows) => {
        const credit = perIncidentCredit({ perBreachedWindowMinor: per, capPerIncidentMinor: cap }, windows);
        expect(credit.creditMinor).toBe(Math.min(cap, per * windows));
        expect(credit.capped).toBe(per * windows > cap);
      }),
    );
    fc.assert(
      fc.property(fc.array(minor, { maxLength: 20 }), fc.option(minor, { nil: null }), (amounts, cap) => {
        const period = capPeriod(amounts, cap);
        const sum = amounts.reduce((a, b) => a + b, 0);
        expect(period.creditMinor).toBe(cap === null ? sum : Math.min(sum, cap));
        if (cap !== null) expect(period.creditMinor).toBeLessThanOrEqual(cap);
      }),
    );
  });
});

describe("tieredCredit", () => {
  const base = { baseMinor: 1_000_000, tiers: availabilityTiers, capPerPeriodMinor: null };

  it("pays the largest percentage among the tiers the value falls below", () => {
    expect(tieredCredit(base, 99.999)).toEqual({ creditMinor: 0, capped: false });
    expect(tieredCredit(base, 99.995)).toEqual({ creditMinor: 0, capped: false });
    expect(tieredCredit(base, 99.95)).toEqual({ creditMinor: 50_000, capped: false });
    expect(tieredCredit(base, 99.5)).toEqual({ creditMinor: 100_000, capped: false });
    expect(tieredCredit(base, 42)).toEqual({ creditMinor: 250_000, capped: false });
    expect(tieredCredit(base, null)).toEqual({ creditMinor: 0, capped: false });
    expect(tieredCredit({ ...base, capPerPeriodMinor: 200_000 }, 42)).toEqual({ creditMinor: 200_000, capped: true });
  });

  it("takes the largest percentage, not the first or the nearest tier", () => {
    const tiers = [
      { below: 50, creditPct: 3 },
      { below: 99, creditPct: 7 },
      { below: 90, creditPct: 2 },
    ];
    expect(tierPct(tiers, 10)).toBe(7);
    expect(tierPct(tiers, 95)).toBe(7);
    expect(tierPct(tiers, 99)).toBeNull();
  });

  it("rounds once, half-up, on the exact decimal percentage", () => {
    const credit = (baseMinor: number, creditPct: number) =>
      tieredCredit({ baseMinor, tiers: [{ below: 100, creditPct }], capPerPeriodMinor: null }, 0).creditMinor;
    expect(credit(3_000, 1.15)).toBe(35); // 34.5 (in floats 3000 x 1.15 / 100 is 34.49999999999999)
    expect(credit(10_000, 1.005)).toBe(101); // 100.5 (in floats 100.49999999999999)
    expect(credit(50, 1)).toBe(1); // 0.5
    expect(credit(49, 1)).toBe(0); // 0.49
    expect(credit(333, 2.5)).toBe(8); // 8.325
    expect(credit(5, 0.1)).toBe(0); // 0.005
    expect(credit(Number.MAX_SAFE_INTEGER, 100)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("never pays more as the value improves (tiers are monotone)", () => {
    const tier = fc.record({
      below: fc.integer({ min: 9_000, max: 10_000 }).map((n) => n / 100),
      creditPct: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    });
    const value = fc.integer({ min: 8_900, max: 10_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(
        fc.array(tier, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1e9 }),
        value,
        value,
        (tiers, baseMinor, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const credit = { baseMinor, tiers, capPerPeriodMinor: null };
          expect(tieredCredit(credit, low).creditMinor).toBeGreaterThanOrEqual(tieredCredit(credit, high).creditMinor);
          expect(tieredCredit(credit, low).creditMinor).toBeLessThanOrEqual(baseMinor);
        },
      ),
    );
  });
});

describe("exactDecimal", () => {
  it("reads the decimal a number was written as", () => {
    expect(exactDecimal(99.995)).toEqual({ units: 99_995n, scale: 3 });
    expect(exactDecimal(1e-7)).toEqual({ units: 1n, scale: 7 });
    expect(exactDecimal(2e21)).toEqual({ units: 2_000_000_000_000_000_000_000n, scale: 0 });
    expect(exactDecimal(-1.5)).toEqual({ units: -15n, scale: 1 });
    expect(exactDecimal(100)).toEqual({ units: 100n, scale: 0 });
    expect(() => exactDecimal(Number.NaN)).toThrow(RangeError);
  });
});
