import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planPages, rowHeight, textLines, type PageContent } from "./invoice-layout";

const content = (lines: number, description = "Milestone"): PageContent => ({
  meta: ["Issue date: 2026-12-01", "Due date: 2026-12-31", "Engagement: Sync"],
  seller: ["Northwind GmbH", "Hamburg"],
  buyer: ["东岸银行", "上海"],
  lines: Array.from({ length: lines }, (_, i) => ({ description: `${description} ${i + 1}`, evidence: "Evidence: lcov: pass · 9f2c9f2c9f2c" })),
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
    const full = [...Array(60).keys()].map((n) => planPages(content(n))).find((pages) => pages.at(-1)!.from === pages.at(-1)!.to && pages.length > 1);
    expect(full).toBeDefined();
    expect(full!.at(-1)).toMatchObject({ parties: false, closing: true });
  });

  it("estimates wrapped text generously: CJK by the em, other scripts wide", () => {
    expect(textLines("区".repeat(30), 10, 300)).toBe(1);
    expect(textLines("区".repeat(31), 10, 300)).toBe(2);
    expect(textLines("a\nb", 10, 300)).toBe(2);
    expect(rowHeight({ description: "x", evidence: "" })).toBeLessThan(rowHeight({ description: "x", evidence: "y" }));
  });
});
