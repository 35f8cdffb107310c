import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../invoice";
import { decideNotice, nextRenewal, noticeDate, renewalDue, termSpan, type ContractCalendar } from "./terms";

const isoDay = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const termMonths = fc.integer({ min: 1, max: 60 });
const noticeDays = fc.integer({ min: 0, max: 365 });

const calendar = (overrides: Partial<ContractCalendar> = {}): ContractCalendar => ({
  startsOn: "2026-01-15",
  termMonths: 12,
  noticeDays: 30,
  autoRenew: true,
  noticeGiven: false,
  ...overrides,
});

describe("maintenance term calendar", () => {
  it("runs a year from the start to the day before the next year's start", () => {
    expect(termSpan("2026-01-15", 12, 1)).toEqual({ index: 1, from: "2026-01-15", to: "2027-01-14" });
    expect(termSpan("2026-01-15", 12, 2)).toEqual({ index: 2, from: "2027-01-15", to: "2028-01-14" });
    expect(() => termSpan("2026-01-15", 12, 0)).toThrow(RangeError);
  });

  it("moves a start on a month's last days to shorter months' last day", () => {
    expect(termSpan("2026-01-31", 1, 2)).toEqual({ index: 2, from: "2026-02-28", to: "2026-03-30" });
    expect(termSpan("2024-01-31", 1, 2).from).toBe("2024-02-29");
    expect(termSpan("2024-02-29", 12, 2)).toEqual({ index: 2, from: "2025-02-28", to: "2026-02-27" });
    expect(termSpan("2026-08-31", 6, 2).from).toBe("2027-02-28");
  });

  it("tiles time: each term starts the day after the one before ends, none is empty", () => {
    fc.assert(
      fc.property(isoDay, termMonths, fc.integer({ min: 1, max: 30 }), (start, months, index) => {
        const term = termSpan(start, months, index);
        const next = termSpan(start, months, index + 1);
        expect(next.from).toBe(addDays(term.to, 1));
        expect(term.from <= term.to).toBe(true);
        if (index === 1) expect(term.from).toBe(start);
      }),
    );
  });

  it("keeps a term start on the start's day of month, or the month's last day when shorter", () => {
    fc.assert(
      fc.property(isoDay, termMonths, fc.integer({ min: 1, max: 30 }), (start, months, index) => {
        const from = termSpan(start, months, index).from;
        const startDay = Number(start.slice(8));
        const [year, month] = from.split("-").map(Number) as [number, number];
        const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(Number(from.slice(8))).toBe(Math.min(startDay, lastDay));
      }),
    );
  });
});

describe("notice and renewal", () => {
  it("puts the notice date noticeDays before the next term starts", () => {
    expect(noticeDate("2027-01-14", 30)).toBe("2026-12-16");
    expect(noticeDate("2027-01-14", 0)).toBe("2027-01-15");
  });

  it("accepts notice exactly on the days before the notice date, ending the contract at the term's end", () => {
    fc.assert(
      fc.property(isoDay, termMonths, noticeDays, fc.integer({ min: -400, max: 400 }), (start, months, days, shift) => {
        const contract = {
          ...calendar({ startsOn: start, termMonths: months, noticeDays: days }),
          noticeGivenOn: null,
        };
        const term = termSpan(start, months, 1);
        const deadline = noticeDate(term.to, days);
        const today = addDays(deadline, shift);
        const decision = decideNotice(contract, 1, today);
        if (shift < 0) expect(decision).toEqual({ ok: true, endsOn: term.to });
        else {
          expect(decision.ok).toBe(false);
          if (!decision.ok) expect(decision.reasons[0]).toContain(deadline);
        }
      }),
    );
  });

  it("refuses a second notice and notice on a contract that does not renew", () => {
    const given = decideNotice({ ...calendar({ noticeGiven: true }), noticeGivenOn: "2026-03-01" }, 1, "2026-04-01");
    expect(given).toEqual({ ok: false, reasons: ["notice was already given on 2026-03-01"] });
    const fixed = decideNotice({ ...calendar({ autoRenew: false }), noticeGivenOn: null }, 1, "2026-04-01");
    expect(fixed).toEqual({ ok: false, reasons: ["the contract does not renew: it ends on 2027-01-14"] });
  });

  it("drafts the next term from the notice date on, never after notice or without auto-renew", () => {
    fc.assert(
      fc.property(isoDay, termMonths, noticeDays, fc.integer({ min: -100, max: 100 }), (start, months, days, shift) => {
        const contract = calendar({ startsOn: start, termMonths: months, noticeDays: days });
        const deadline = noticeDate(termSpan(start, months, 1).to, days);
        const today = addDays(deadline, shift);
        expect(renewalDue(contract, 1, today)).toEqual(shift < 0 ? null : termSpan(start, months, 2));
        expect(renewalDue({ ...contract, noticeGiven: true }, 1, today)).toBeNull();
        expect(renewalDue({ ...contract, autoRenew: false }, 1, today)).toBeNull();
      }),
    );
  });

  it("names the next renewal's date and notice date", () => {
    expect(nextRenewal(calendar(), 1)).toEqual({ date: "2027-01-15", noticeDate: "2026-12-16", index: 2 });
    expect(nextRenewal(calendar(), 2)).toEqual({ date: "2028-01-15", noticeDate: "2027-12-16", index: 3 });
    expect(nextRenewal(calendar({ noticeGiven: true }), 1)).toBeNull();
  });
});
