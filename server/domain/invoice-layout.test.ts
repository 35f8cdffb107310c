import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INVOICE_LAYOUT as L, layoutRow, lineHeight, planPages, textLines, type PageContent } from "./invoice-layout";
import type { TextMeasure } from "./text-wrap";

// A stand-in font: CJK 1 em, everything else half an em.
const measure: TextMeasure = (text, size) =>
  Array.from(text).reduce((sum, ch) => sum + (/[\u4e00-\u9fff]/.test(ch) ? size : size / 2), 0);
const row = (description: string, evidence = "Evidence: lcov: pass · 9f2c9f2c9f2c") =>
  layoutRow({ description, evidence, share: "15%", amount: "CNY 150,000.00" }, measure);

const content = (lines: number, description = "Milestone"): PageContent => ({
  meta: ["Issue date: 2026-12-01", "Due date: 2026-12-31", "Engagement: Sync"],
  seller: ["Northwind GmbH", "Hamburg"],
  buyer: ["东岸银行", "上海"],
  headHeight: row("Milestone", "").height,
  rowHeights: Array.from({ length: lines }, (_, i) => row(`${description} ${i + 1}`).height),
  totals: 3,
  payment: "Bank transfer.",
});

describe("invoice page plan", () => {
  it("puts a short invoice on one page with parties and totals", () => {
    expect(planPages(content(3))).toEqual([{ from: 0, to: 3, parties: true, closing: true }]);
    expect(planPages(content(0))).toEqual([{ from: 0, to: 0, parties: true, closing: true }]);
  });

  it("covers every line once, in order, with the parties first and the totals last", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 300 }), (lines, length) => {
        const pages = planPages(content(lines, "区".repeat(length)));
        expect(pages[0]!.parties).toBe(true);
        expect(pages.filter((p) => p.parties)).toHaveLength(1);
        expect(pages.at(-1)!.closing).toBe(true);
        expect(pages.filter((p) => p.closing)).toHaveLength(1);
        let next = 0;
        for (const page of pages) {
          expect(page.from).toBe(next);
          next = page.to;
        }
        expect(next).toBe(lines);
      }),
    );
  });

  it("moves the totals to a page of their own when the last page is full", () => {
    const full = [...Array(60).keys()]
      .map((n) => planPages(content(n)))
      .find((pages) => pages.at(-1)!.from === pages.at(-1)!.to && pages.length > 1);
    expect(full).toBeDefined();
    expect(full!.at(-1)).toMatchObject({ parties: false, closing: true });
  });

  it("estimates wrapped text generously: CJK by the em, other scripts wide", () => {
    expect(textLines("区".repeat(30), 10, 300)).toBe(1);
    expect(textLines("区".repeat(31), 10, 300)).toBe(2);
    expect(textLines("a\nb", 10, 300)).toBe(2);
  });

  it("lays a row out exactly: its lines in their columns, its height from them", () => {
    const one = row("Review", "");
    expect(one.description).toEqual([{ text: "Review", width: 6 * (L.fontSize / 2) }]);
    expect(one.height).toBeCloseTo(2 * L.rowPadding + 1 + lineHeight(L.fontSize));
    const long = row("区".repeat(100));
    const columnWidth = (L.pageWidth - 2 * L.padding) * L.descriptionShare - L.descriptionPadding;
    for (const line of long.description) expect(line.width).toBeLessThanOrEqual(columnWidth);
    expect(long.description.map((line) => line.text).join("")).toBe("区".repeat(100));
    expect(long.height).toBeCloseTo(
      2 * L.rowPadding +
        1 +
        long.description.length * lineHeight(L.fontSize) +
        L.evidenceGap +
        lineHeight(L.evidenceSize),
    );
    // an amount too wide for its column wraps inside it rather than run into the share
    expect(
      layoutRow({ description: "x", evidence: "", share: "", amount: "9".repeat(60) }, measure).amount.length,
    ).toBeGreaterThan(1);
  });
});
