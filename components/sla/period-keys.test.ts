import { describe, expect, it } from "vitest";
import { convertPeriod, periodFromQuery, periodKindOf, shiftPeriod } from "./period-keys";

describe("SLA period keys", () => {
  it("pages through months across a year's end", () => {
    expect(shiftPeriod("2026-12", 1)).toBe("2027-01");
    expect(shiftPeriod("2026-01", -1)).toBe("2025-12");
  });

  it("pages through quarters and years", () => {
    expect(shiftPeriod("2026-Q4", 1)).toBe("2027-Q1");
    expect(shiftPeriod("2026-Q1", -1)).toBe("2025-Q4");
    expect(shiftPeriod("2026", -1)).toBe("2025");
  });

  it("converts a period to the one of another kind holding its first day", () => {
    expect(convertPeriod("2026-11", "quarter")).toBe("2026-Q4");
    expect(convertPeriod("2026-Q3", "month")).toBe("2026-07");
    expect(convertPeriod("2026-Q3", "year")).toBe("2026");
    expect(periodKindOf("2026")).toBe("year");
  });

  it("reads the query's period, or falls back to the current month", () => {
    const now = new Date(Date.UTC(2026, 11, 2));
    expect(periodFromQuery("2026-Q2", now)).toBe("2026-Q2");
    expect(periodFromQuery("2026-13", now)).toBe("2026-12");
    expect(periodFromQuery(undefined, now)).toBe("2026-12");
  });
});
