import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CREDIT_NOTE_PATTERN,
  DEFAULT_INVOICE_PATTERN,
  formatDocumentNumber,
  numberPatternProblem,
  patternsProblem,
  seriesKey,
} from "./document-number";

describe("document numbers", () => {
  it("fills the date tokens and pads the counter to its width", () => {
    expect(formatDocumentNumber(DEFAULT_INVOICE_PATTERN, "2026-11-27", 1)).toBe("INV-2026-0001");
    expect(formatDocumentNumber(DEFAULT_INVOICE_PATTERN, "2026-11-27", 12_345)).toBe("INV-2026-12345");
    expect(formatDocumentNumber("CN-{YYYY}-{NNN}", "2027-01-02", 7)).toBe("CN-2027-007");
    expect(formatDocumentNumber("{YY}{MM}/{NNNNNN}", "2026-03-09", 42)).toBe("2603/000042");
    expect(() => formatDocumentNumber(DEFAULT_INVOICE_PATTERN, "2026-11-27", 0)).toThrow(RangeError);
  });

  it("keeps one series per filled-in pattern, whatever the counter's width", () => {
    expect(seriesKey(DEFAULT_INVOICE_PATTERN, "2026-11-27")).toBe("INV-2026-{N}");
    expect(seriesKey("INV-{YYYY}-{NNNNN}", "2026-01-01")).toBe(seriesKey(DEFAULT_INVOICE_PATTERN, "2026-12-31"));
    expect(seriesKey(DEFAULT_INVOICE_PATTERN, "2027-01-01")).not.toBe(seriesKey(DEFAULT_INVOICE_PATTERN, "2026-12-31"));
    expect(seriesKey("INV-{YYYY}{MM}-{NNNN}", "2026-01-31")).not.toBe(seriesKey("INV-{YYYY}{MM}-{NNNN}", "2026-02-01"));
    expect(seriesKey("T-{NNNN}", "2026-01-01")).toBe(seriesKey("T-{NNNN}", "2031-07-01"));
  });

  it("accepts the defaults and refuses patterns that cannot number", () => {
    expect(numberPatternProblem(DEFAULT_INVOICE_PATTERN)).toBeNull();
    expect(numberPatternProblem(DEFAULT_CREDIT_NOTE_PATTERN)).toBeNull();
    expect(numberPatternProblem("INV-{YYYY}")).toMatch(/exactly one counter/);
    expect(numberPatternProblem("{NNNN}-{NNNN}")).toMatch(/exactly one counter/);
    expect(numberPatternProblem("INV-{NN}")).toMatch(/3 to 8 N/);
    expect(numberPatternProblem("INV-{NNNNNNNNN}")).toMatch(/3 to 8 N/);
    expect(numberPatternProblem("INV-{DD}-{NNNN}")).toMatch(/\{DD\} is not a number token/);
    expect(numberPatternProblem("INV {NNNN}")).toMatch(/letters, digits/);
    expect(numberPatternProblem("INV-{yyyy}-{NNNN}")).toMatch(/letters, digits/);
    expect(numberPatternProblem(`${"A".repeat(40)}{NNNN}`)).toMatch(/at most 40/);
    expect(numberPatternProblem("")).toMatch(/required/);
  });

  it("refuses invoice and credit note patterns that would share a series", () => {
    expect(patternsProblem("INV-{YYYY}-{NNNN}", "INV-{YYYY}-{NNNNN}")).toMatch(/different number patterns/);
    expect(patternsProblem(DEFAULT_INVOICE_PATTERN, DEFAULT_CREDIT_NOTE_PATTERN)).toBeNull();
    expect(patternsProblem("INV-{NNNN}", "CN-{DD}")).toMatch(/not a number token/);
  });

  it("gives distinct numbers to distinct sequences of one series", () => {
    const width = fc.integer({ min: 3, max: 8 });
    fc.assert(
      fc.property(width, fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 9 }), (n, a, b) => {
        const pattern = `INV-{YYYY}-{${"N".repeat(n)}}`;
        fc.pre(a !== b);
        expect(formatDocumentNumber(pattern, "2026-05-05", a)).not.toBe(formatDocumentNumber(pattern, "2026-05-05", b));
        expect(numberPatternProblem(pattern)).toBeNull();
      }),
    );
  });
});
