import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isClosed,
  nextPeriodKey,
  parsePeriodKey,
  PeriodKeyError,
  periodKeyOf,
  periodSpan,
  previousPeriodKey,
} from "./period";

const HOUR = 3_600_000;
const hours = (key: string, zone: string) => {
  const span = periodSpan(key, zone);
  return (span.to - span.from) / HOUR;
};
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Shanghai", "Australia/Lord_Howe", "America/Santiago"];

describe("parsePeriodKey", () => {
  it("reads months, quarters and years", () => {
    expect(parsePeriodKey("2026-11")).toEqual({ kind: "month", key: "2026-11" });
    expect(parsePeriodKey("2026-Q4")).toEqual({ kind: "quarter", key: "2026-Q4" });
    expect(parsePeriodKey("2026")).toEqual({ kind: "year", key: "2026" });
  });

  it("refuses anything else with a typed error that says what a period looks like", () => {
    for (const key of ["2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-1", "26-11", "2026-q1", "0999", "", " 2026"]) {
      expect(() => parsePeriodKey(key)).toThrow(PeriodKeyError);
    }
    expect(() => parsePeriodKey("2026/11")).toThrow('"2026/11" is not a period: write YYYY-MM');
  });
});

describe("periodSpan", () => {
  it("starts at local midnight on the first of the period in the clause's zone", () => {
    expect(periodSpan("2026-11", "Asia/Shanghai")).toEqual({
      from: Date.parse("2026-10-31T16:00:00Z"),
      to: Date.parse("2026-11-30T16:00:00Z"),
    });
    expect(periodSpan("2026-Q1", "UTC")).toEqual({
      from: Date.parse("2026-01-01T00:00:00Z"),
      to: Date.parse("2026-04-01T00:00:00Z"),
    });
    expect(periodSpan("2026", "America/New_York")).toEqual({
      from: Date.parse("2026-01-01T05:00:00Z"),
      to: Date.parse("2027-01-01T05:00:00Z"),
    });
  });

  it("gives a month with a daylight-saving change 743 or 745 hours", () => {
    expect(hours("2026-03", "Europe/Berlin")).toBe(743);
    expect(hours("2026-10", "Europe/Berlin")).toBe(745);
    expect(hours("2026-03", "America/New_York")).toBe(743);
    expect(hours("2026-11", "America/New_York")).toBe(721);
    expect(hours("2026-11", "Asia/Shanghai")).toBe(720);
    expect(hours("2026-02", "Australia/Lord_Howe")).toBe(672);
    expect(hours("2026-04", "Australia/Lord_Howe")).toBe(720.5);
  });

  it("refuses an unknown zone", () => {
    expect(() => periodSpan("2026-11", "Mars/Olympus")).toThrow(RangeError);
  });

  it("tiles the year exactly with its months and with its quarters, in every zone", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2060 }), fc.constantFrom(...ZONES), (year, zone) => {
        const yearSpan = periodSpan(String(year), zone);
        const months = Array.from({ length: 12 }, (_, i) =>
          periodSpan(`${year}-${String(i + 1).padStart(2, "0")}`, zone),
        );
        const quarters = [1, 2, 3, 4].map((q) => periodSpan(`${year}-Q${q}`, zone));
        for (const parts of [months, quarters]) {
          expect(parts[0]?.from).toBe(yearSpan.from);
          expect(parts.at(-1)?.to).toBe(yearSpan.to);
          parts.slice(1).forEach((span, i) => expect(span.from).toBe(parts[i]?.to));
          const total = parts.reduce((sum, span) => sum + (span.to - span.from), 0);
          expect(total).toBe(yearSpan.to - yearSpan.from);
        }
      }),
    );
  });
});

describe("periodKeyOf", () => {
  it("finds the period that holds an instant, in the zone", () => {
    const instant = Date.parse("2026-10-31T17:00:00Z");
    expect(periodKeyOf("month", instant, "Asia/Shanghai")).toBe("2026-11");
    expect(periodKeyOf("month", instant, "UTC")).toBe("2026-10");
    expect(periodKeyOf("quarter", instant, "Asia/Shanghai")).toBe("2026-Q4");
    expect(periodKeyOf("year", Date.parse("2026-12-31T23:30:00Z"), "Asia/Shanghai")).toBe("2027");
  });

  it("always names a period whose span holds the instant", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("month" as const, "quarter" as const, "year" as const),
        fc.integer({ min: Date.parse("1990-01-01"), max: Date.parse("2060-01-01") }),
        fc.constantFrom(...ZONES),
        (kind, instant, zone) => {
          const key = periodKeyOf(kind, instant, zone);
          const span = periodSpan(key, zone);
          expect(parsePeriodKey(key).kind).toBe(kind);
          expect(span.from <= instant && instant < span.to).toBe(true);
          expect(periodSpan(previousPeriodKey(key), zone).to).toBe(span.from);
          expect(periodSpan(nextPeriodKey(key), zone).from).toBe(span.to);
        },
      ),
    );
  });
});

describe("previousPeriodKey and isClosed", () => {
  it("steps back across year ends", () => {
    expect(previousPeriodKey("2026-01")).toBe("2025-12");
    expect(previousPeriodKey("2026-Q1")).toBe("2025-Q4");
    expect(previousPeriodKey("2026")).toBe("2025");
    expect(nextPeriodKey("2026-12")).toBe("2027-01");
    expect(() => previousPeriodKey("1000")).toThrow(PeriodKeyError);
  });

  it("closes a period at its end, not before", () => {
    const end = Date.parse("2026-11-30T16:00:00Z");
    expect(isClosed("2026-11", "Asia/Shanghai", end - 1)).toBe(false);
    expect(isClosed("2026-11", "Asia/Shanghai", end)).toBe(true);
  });
});
