import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { invoiceDocument, type InvoiceDocumentSource } from "@/server/domain/invoice-document";
import { INVOICE_LAYOUT } from "@/server/domain/invoice-layout";
import { renderPdf } from "@/server/services/pdf/render";
import { pdfTextMeasure } from "@/server/services/pdf/text-measure";
import { InvoicePdf } from "./invoice";
import { sampleInvoiceSource } from "./test-support/invoice-source";

// The invoice's pages do not flow, so the page plan must never let content run past the bottom
// margin into the footer or off the page, and the painted table must never draw text over other
// text: rendered documents are checked word by word (poppler's bounding boxes) with the longest
// texts the inputs allow.

interface Word {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

function words(pdf: Buffer): { pages: number; heights: number[]; words: Word[] } {
  const dir = mkdtempSync(path.join(tmpdir(), "tollgate-layout-"));
  writeFileSync(path.join(dir, "doc.pdf"), pdf);
  const out = spawnSync("pdftotext", ["-bbox", path.join(dir, "doc.pdf"), "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(out.stderr);
  const found: Word[] = [];
  const heights: number[] = [];
  let page = 0;
  for (const line of out.stdout.split("\n")) {
    const pageTag = /<page width="[\d.]+" height="([\d.]+)"/.exec(line);
    if (pageTag) {
      page += 1;
      heights.push(Number(pageTag[1]));
    }
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m)
      found.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! });
  }
  return { pages: page, heights, words: found };
}

const CONTENT_BOTTOM = INVOICE_LAYOUT.pageHeight - INVOICE_LAYOUT.padding;
const CONTENT_RIGHT = INVOICE_LAYOUT.pageWidth - INVOICE_LAYOUT.padding;

/** Words whose boxes overlap by more than rounding (a box spans its line's height exactly). */
function overlapping(words: Word[]): string[] {
  const found: string[] = [];
  const byPage = new Map<number, Word[]>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const page of byPage.values()) {
    page.forEach((a, i) => {
      for (const b of page.slice(i + 1)) {
        if (a.xMin < b.xMax - 0.5 && b.xMin < a.xMax - 0.5 && a.yMin < b.yMax - 0.5 && b.yMin < a.yMax - 0.5)
          found.push(`${a.text} / ${b.text}`);
      }
    });
  }
  return found;
}

async function assertFits(source: InvoiceDocumentSource, locale: "en" | "zh-CN") {
  const doc = invoiceDocument(source, locale, await pdfTextMeasure());
  const rendered = words(await renderPdf(createElement(InvoicePdf, { doc }) as Parameters<typeof renderPdf>[0]));
  expect(rendered.pages).toBe(doc.pages.length);
  // a page whose content did not fit would have grown past A4
  for (const h of rendered.heights) expect(h).toBeCloseTo(INVOICE_LAYOUT.pageHeight, 1);
  // below the content box there is only the footer, on every page
  const squash = (text: string) => text.replace(/\s/g, "");
  for (let page = 1; page <= rendered.pages; page += 1) {
    const below = rendered.words.filter((w) => w.page === page && w.yMax > CONTENT_BOTTOM + 0.5).map((w) => w.text);
    expect(squash(below.join(""))).toBe(squash(`${doc.footer}${doc.number} · ${page}/${doc.pages.length}`));
  }
  // text pushed off a page is not extracted: every line's marker and the grand total must be there
  const text = rendered.words.map((w) => w.text).join(" ");
  const missing = doc.rows
    .map((row) => row.description[0]!.text.split(" ")[0]!)
    .filter((marker) => !text.includes(marker));
  expect(missing).toEqual([]);
  expect(text.replace(/\s/g, "")).toContain(doc.totals.at(-1)![1].replace(/\s/g, ""));
  // painted rows and laid-out text never draw over each other, nor past the right margin
  expect(overlapping(rendered.words)).toEqual([]);
  expect(rendered.words.filter((w) => w.xMax > CONTENT_RIGHT + 0.5).map((w) => w.text)).toEqual([]);
}

const cjk = (n: number) => "区块链数据同步器私有化部署验证里程碑".repeat(Math.ceil(n / 16)).slice(0, n);
const latin = (n: number) => "Wide WWW MMM milestone delivery ".repeat(Math.ceil(n / 32)).slice(0, n);

function source(lines: { description: string; evidence: number }[], long: boolean): InvoiceDocumentSource {
  return sampleInvoiceSource(
    lines.map((line, i) => ({
      description: `L${String(i).padStart(3, "0")}Z ${line.description}`,
      evidence: Array.from({ length: line.evidence }, (_, j) => ({
        kind: "manifest-review",
        verdict: "pass",
        sha256: `${j}`.repeat(64),
      })),
    })),
    {
      seller: {
        name: "Northwind",
        legalName: long ? latin(200) : "Northwind GmbH",
        taxId: "DE 312 456 789",
        address: long ? cjk(500) : "Hamburg",
        paymentInstructions: long ? latin(1_000) : "Bank transfer.",
      },
      buyer: {
        name: "Eastbank",
        legalName: long ? cjk(200) : "东岸银行",
        taxId: "91310000MA1EASTB01",
        address: long ? cjk(500) : "上海",
      },
      engagement: long ? cjk(200) : "同步器",
    },
  );
}

describe("invoice page plan", () => {
  it("measures text as the font shapes it and right-aligns figures on the column's edge", async () => {
    const measure = await pdfTextMeasure();
    const doc = invoiceDocument(
      source([{ description: "Wide WWW 区块链 Tea AVA 1,234.50", evidence: 1 }], false),
      "zh-CN",
      measure,
    );
    const rendered = words(await renderPdf(createElement(InvoicePdf, { doc }) as Parameters<typeof renderPdf>[0]));
    const amount = doc.rows[0]!.amount[0]!.text.replace(/\s/g, "");
    const drawn = rendered.words.filter((w) => amount.endsWith(w.text));
    expect(drawn.length).toBeGreaterThan(0);
    expect(Math.max(...drawn.map((w) => w.xMax))).toBeCloseTo(CONTENT_RIGHT, 0);
    // summed advances against the drawn width of the description's first words (kerning included)
    const first = rendered.words.find((w) => w.text === "L000Z")!;
    expect(first.xMax - first.xMin).toBeCloseTo(measure("L000Z", INVOICE_LAYOUT.fontSize), 0);
  }, 60_000);

  it("keeps the longest allowed texts inside every page", async () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({
      description: i % 2 === 0 ? cjk(200) : latin(200),
      evidence: 8,
    }));
    await assertFits(source(lines, true), "zh-CN");
  }, 60_000);

  it("fills pages of one-line rows closely and still inside every page", async () => {
    const lines = Array.from({ length: 80 }, (_, i) => ({ description: `Milestone ${i + 1}`, evidence: 1 }));
    await assertFits(source(lines, false), "en");
    expect(
      invoiceDocument(source(lines, false), "en", await pdfTextMeasure())
        .pages.slice(1, -1)
        .every((page) => page.to - page.from >= 17),
    ).toBe(true);
  }, 60_000);

  it("keeps random documents inside every page", async () => {
    const line = fc.record({
      description: fc.oneof(fc.integer({ min: 1, max: 200 }).map(cjk), fc.integer({ min: 1, max: 200 }).map(latin)),
      evidence: fc.integer({ min: 0, max: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 0, maxLength: 60 }),
        fc.boolean(),
        fc.constantFrom("en" as const, "zh-CN" as const),
        async (lines, long, locale) => {
          await assertFits(source(lines, long), locale);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
