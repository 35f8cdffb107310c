import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUsagePeriodClosed, USAGE_GRACE_MS, usagePeriodClosesAt, usagePeriodOf, usagePeriodSpan } from "./period";

const ZONES = ["UTC", "Asia/Shanghai", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham"];

describe("usage periods", () => {
  it("places an instant in the month of the meter's time zone", () => {
    const at = Date.parse("2026-10-31T17:00:00Z");
    expect(usagePeriodOf(at, "UTC")).toBe("2026-10");
    expect(usagePeriodOf(at, "Asia/Shanghai")).toBe("2026-11");
    expect(usagePeriodOf(Date.parse("2026-11-01T03:00:00Z"), "America/New_York")).toBe("2026-10");
  });

  it("closes two days after the month ends in the zone", () => {
    expect(new Date(usagePeriodClosesAt("2026-11", "Asia/Shanghai")).toISOString()).toBe("2026-12-02T16:00:00.000Z");
    const closes = usagePeriodClosesAt("2026-11", "Asia/Shanghai");
    expect(isUsagePeriodClosed("2026-11", "Asia/Shanghai", closes - 1)).toBe(false);
    expect(isUsagePeriodClosed("2026-11", "Asia/Shanghai", closes)).toBe(true);
  });

  it("tiles time: every instant lies in exactly its period's span, and months follow without gaps", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2000-01-01T00:00:00Z"), max: Date.parse("2099-12-31T00:00:00Z") }),
        fc.constantFrom(...ZONES),
        (at, zone) => {
          const period = usagePeriodOf(at, zone);
          const span = usagePeriodSpan(period, zone);
          expect(span.from <= at && at < span.to).toBe(true);
          expect(usagePeriodOf(span.to, zone)).not.toBe(period);
          expect(usagePeriodOf(span.to - 1, zone)).toBe(period);
          expect(usagePeriodClosesAt(period, zone)).toBe(span.to + USAGE_GRACE_MS);
        },
      ),
    );
  });
});
