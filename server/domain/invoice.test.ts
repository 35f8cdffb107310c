import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney } from "./currency";
import { addDays, invoiceTotals, isOverdue, paymentStatus, taxMinor } from "./invoice";

describe("invoice totals", () => {
  it("computes the demo invoice: CNY 150,000.00 plus 6% tax is 159,000.00", () => {
    expect(
      invoiceTotals([{ description: "Architecture review", shareBp: 1_500, amountMinor: 15_000_000 }], 600),
    ).toEqual({
      subtotalMinor: 15_000_000,
      taxMinor: 900_000,
      totalMinor: 15_900_000,
    });
  });

  it("rounds tax half up per invoice, in every currency's minor unit", () => {
    expect(taxMinor(5, 1_000)).toBe(1); // 0.5 -> 1
    expect(taxMinor(4, 1_000)).toBe(0); // 0.4 -> 0
    expect(taxMinor(15, 1_000)).toBe(2); // 1.5 -> 2
    expect(taxMinor(1, 5_000)).toBe(1); // 0.5 -> 1
    expect(taxMinor(333, 1_900)).toBe(63); // 63.27 -> 63
    expect(taxMinor(0, 600)).toBe(0);
    // JPY has no minor digits: 1,001 yen at 10% is 100.1 -> 100 yen
    expect(taxMinor(1_001, 1_000)).toBe(100);
    // KWD has three: 1.005 KWD (1005 fils) at 5% is 50.25 fils -> 50 fils
    expect(taxMinor(1_005, 500)).toBe(50);
    expect(
      formatMoney(
        invoiceTotals([{ description: "x", shareBp: null, amountMinor: 1_005 }], 500).totalMinor,
        "KWD",
        "en",
      ),
    ).toMatch(/^KWD\s1\.055$/);
    // no float error on large amounts: 90,071,992,547,409.91 at 6%
    expect(taxMinor(9_007_199_254_740_991, 600)).toBe(540_431_955_284_459);
  });

  it("refuses what an invoice cannot hold", () => {
    expect(() => invoiceTotals([], 600)).toThrow("at least one line");
    expect(() => invoiceTotals([{ description: "x", shareBp: null, amountMinor: -1 }], 600)).toThrow("negative");
    expect(() => taxMinor(100, 10_001)).toThrow("between 0 and 10,000");
    expect(() => invoiceTotals([{ description: "x", shareBp: null, amountMinor: 1.5 }], 600)).toThrow("safe integer");
  });

  it("property: total = sum of lines + tax, tax within half a unit of the exact rate", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amounts, rate) => {
          const totals = invoiceTotals(
            amounts.map((amountMinor, i) => ({ description: `line ${i}`, shareBp: null, amountMinor })),
            rate,
          );
          const subtotal = amounts.reduce((s, a) => s + a, 0);
          expect(totals.subtotalMinor).toBe(subtotal);
          expect(totals.totalMinor).toBe(totals.subtotalMinor + totals.taxMinor);
          // |tax - subtotal*rate/10000| <= 0.5, checked exactly in integers
          const exactTimes10000 = BigInt(subtotal) * BigInt(rate);
          const diff = BigInt(totals.taxMinor) * 10_000n - exactTimes10000;
          expect(diff >= -5_000n && diff <= 5_000n).toBe(true);
          if (diff === -5_000n) throw new Error("a half must round up");
        },
      ),
    );
  });
});

describe("payment status", () => {
  it("moves from issued to partially paid to paid, and void when fully credited", () => {
    expect(paymentStatus(15_900_000, 0, 0)).toBe("issued");
    expect(paymentStatus(15_900_000, 100, 0)).toBe("partially_paid");
    expect(paymentStatus(15_900_000, 15_900_000, 0)).toBe("paid");
    expect(paymentStatus(15_900_000, 0, 15_900_000)).toBe("void");
    expect(paymentStatus(15_900_000, 900_000, 15_000_000)).toBe("paid");
    expect(isOverdue("issued", "2026-12-01", "2026-12-02")).toBe(true);
    expect(isOverdue("issued", "2026-12-01", "2026-12-01")).toBe(false);
    expect(isOverdue("paid", "2026-12-01", "2027-01-01")).toBe(false);
    expect(addDays("2026-12-20", 30)).toBe("2027-01-19");
  });
});
