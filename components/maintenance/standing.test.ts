import { describe, expect, it } from "vitest";
import { noticeBlocked, standingOf } from "./standing";

const renewing = { noticeGiven: false, nextRenewal: { date: "2027-12-01", noticeDate: "2027-11-01", feeMinor: 100 } };

describe("where a maintenance contract stands", () => {
  it("renews, ends after notice, or ends without renewal", () => {
    expect(standingOf(renewing)).toBe("renews");
    expect(standingOf({ noticeGiven: true, nextRenewal: null })).toBe("notice-given");
    expect(standingOf({ noticeGiven: false, nextRenewal: null })).toBe("ends");
  });

  it("offers notice to the approver only on days before the notice date", () => {
    expect(noticeBlocked(renewing, true, "2027-10-31")).toBeNull();
    expect(noticeBlocked(renewing, true, "2027-11-01")).toBe("tooLate");
    expect(noticeBlocked(renewing, true, "2027-11-20")).toBe("tooLate");
  });

  it("never offers it to a viewer, and offers nothing once no renewal is to come", () => {
    expect(noticeBlocked(renewing, false, "2027-01-01")).toBe("viewer");
    expect(noticeBlocked({ nextRenewal: null }, true, "2027-01-01")).toBeNull();
  });
});
