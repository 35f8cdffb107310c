import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deemedAcceptanceDeadline, isDeemedAccepted } from "./deemed-acceptance";

const DAY = 24 * 60 * 60 * 1000;

describe("deemed acceptance", () => {
  const verifiedAt = new Date("2026-11-01T00:00:00Z");
  const setEarlier = { days: 10, since: new Date("2026-10-01T00:00:00Z") };

  it("falls due N days after verification, only for verified milestones of engagements that set N", () => {
    expect(deemedAcceptanceDeadline(verifiedAt, setEarlier)?.toISOString()).toBe("2026-11-11T00:00:00.000Z");
    expect(deemedAcceptanceDeadline(verifiedAt, { days: null, since: null })).toBeNull();
    expect(isDeemedAccepted("verified", verifiedAt, setEarlier, new Date("2026-11-10T23:59:59Z"))).toBe(false);
    expect(isDeemedAccepted("verified", verifiedAt, setEarlier, new Date("2026-11-11T00:00:00Z"))).toBe(true);
    expect(isDeemedAccepted("submitted", verifiedAt, setEarlier, new Date("2026-12-30T00:00:00Z"))).toBe(false);
    expect(isDeemedAccepted("verified", null, setEarlier, new Date("2026-12-30T00:00:00Z"))).toBe(false);
  });

  it("counts from when the rule was set when that is later than the verification", () => {
    const setLater = { days: 10, since: new Date("2026-11-25T00:00:00Z") };
    expect(deemedAcceptanceDeadline(verifiedAt, setLater)?.toISOString()).toBe("2026-12-05T00:00:00.000Z");
    // a milestone verified a month ago is not accepted the moment a 10-day rule appears
    expect(isDeemedAccepted("verified", verifiedAt, setLater, new Date("2026-11-25T00:00:01Z"))).toBe(false);
  });

  it("never falls due before N full days have passed under the current rule, whatever the order of events", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * DAY }),
        fc.integer({ min: 0, max: 400 * DAY }),
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 0, max: 800 * DAY }),
        (verified, since, days, elapsed) => {
          const base = Date.UTC(2026, 0, 1);
          const now = new Date(base + elapsed);
          const accepted = isDeemedAccepted(
            "verified",
            new Date(base + verified),
            { days, since: new Date(base + since) },
            now,
          );
          const earliest = base + Math.max(verified, since) + days * DAY;
          return accepted === now.getTime() >= earliest;
        },
      ),
    );
  });
});
