import { wrapText, type TextMeasure } from "./text-wrap";

// Where an invoice's pages break, decided before rendering. The template draws one explicit
// page per group of lines and lets none of them flow (react-pdf lays out pages that may wrap a
// second time to split them), so every page must be known to fit. The table's rows are laid out
// here exactly: their text is broken into lines with the font's own measure and the template
// paints those lines (react-pdf's text layout cost ~1 ms per row). The header, the parties and the
// totals are laid out by react-pdf; their heights are estimated from the template's own sizes
// (INVOICE_LAYOUT, which the template's styles are built from) with a deliberately wide glyph
// estimate, so the estimate errs towards a shorter page, never a clipped one.

export const INVOICE_LAYOUT = {
  pageWidth: 595.28,
  pageHeight: 841.89,
  padding: 40,
  fontSize: 9.5,
  titleSize: 20,
  numberSize: 12,
  metaSize: 9,
  labelSize: 8,
  evidenceSize: 7,
  grandSize: 11,
  headerGap: 16,
  partiesGap: 16,
  partyGap: 24,
  rowPadding: 5,
  evidenceGap: 2,
  descriptionShare: 0.6,
  descriptionPadding: 6,
  totalsGap: 10,
  totalRowPadding: 2,
  paymentGap: 18,
  /** right edge of the share column, as a share of the content width (the amount ends at the edge) */
  shareEnd: 0.75,
  figurePadding: 6,
} as const;

/** Noto Sans SC's line height: (ascender 1160 − descender −288) / 1000 em. */
const LINE = 1.448;
const L = INVOICE_LAYOUT;
const CONTENT_WIDTH = L.pageWidth - 2 * L.padding;
/** A page's room for content, less a reserve of one line for what the estimate cannot see. */
const CONTENT_HEIGHT = L.pageHeight - 2 * L.padding - L.fontSize * 1.448;

/** Width of a text in ems: CJK and full-width forms 1 em, anything else 0.7 em (Noto's W is 0.9, most letters 0.5). */
function ems(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\uac00-\ud7af]/.test(ch) ? 1 : 0.7;
  return width;
}

/** Lines a text takes in a box `width` points wide; wrapped text loses up to a word per line, counted as 15%. */
export function textLines(text: string, size: number, width: number): number {
  return text.split("\n").reduce((sum, paragraph) => {
    const needed = (ems(paragraph) * size) / width;
    return sum + (needed <= 1 ? 1 : Math.ceil(needed * 1.15));
  }, 0);
}

/** The distance between two lines' tops, in points. */
export const lineHeight = (size: number) => size * LINE;
const height = (lines: number, size: number) => lines * lineHeight(size);

export interface PageContent {
  meta: string[];
  seller: string[];
  buyer: string[];
  /** the table's head row and its rows, laid out (layoutRow) */
  headHeight: number;
  rowHeights: number[];
  totals: number;
  payment: string;
}

function headerHeight(meta: string[]): number {
  const left = height(1, L.titleSize) + 2 + height(1, L.numberSize);
  // the meta column takes what the title leaves; half the content width is assumed
  const right = meta.reduce((sum, line) => sum + height(textLines(line, L.metaSize, CONTENT_WIDTH / 2), L.metaSize), 0);
  return Math.max(left, right) + L.headerGap;
}

function partiesHeight(seller: string[], buyer: string[]): number {
  const width = (CONTENT_WIDTH - L.partyGap) / 2;
  const party = (lines: string[]) =>
    height(1, L.labelSize) +
    2 +
    lines.reduce((sum, line) => sum + height(textLines(line, L.fontSize, width), L.fontSize), 0);
  return Math.max(party(seller), party(buyer)) + L.partiesGap;
}

const ROW_CHROME = 2 * L.rowPadding + 1;
/** Column widths; a point is kept back so that kerning can never push a line past its column. */
const DESCRIPTION_WIDTH = CONTENT_WIDTH * L.descriptionShare - L.descriptionPadding - 1;
const SHARE_WIDTH = CONTENT_WIDTH * (L.shareEnd - L.descriptionShare) - L.figurePadding - 1;
const AMOUNT_WIDTH = CONTENT_WIDTH * (1 - L.shareEnd) - L.figurePadding - 1;

/** A line of painted text and its width in points (figures are right-aligned by it). */
export interface PaintedLine {
  text: string;
  width: number;
}

/** One row of the invoice's table, broken into the lines the template paints. */
export interface TableRow {
  description: PaintedLine[];
  /** smaller, under the description */
  evidence: PaintedLine[];
  share: PaintedLine[];
  amount: PaintedLine[];
  /** from the top of the row to the bottom of its rule, in points */
  height: number;
}

export function layoutRow(
  row: { description: string; evidence: string; share: string; amount: string },
  measure: TextMeasure,
  bold = false,
): TableRow {
  const wrap = (text: string, size: number, width: number) => {
    const widthOf = (t: string) => measure(t, size, bold);
    return wrapText(text, width, widthOf).map((line) => ({ text: line, width: widthOf(line) }));
  };
  const description = wrap(row.description, L.fontSize, DESCRIPTION_WIDTH);
  const evidence = row.evidence === "" ? [] : wrap(row.evidence, L.evidenceSize, DESCRIPTION_WIDTH);
  const share = row.share === "" ? [] : wrap(row.share, L.fontSize, SHARE_WIDTH);
  const amount = wrap(row.amount, L.fontSize, AMOUNT_WIDTH);
  const left =
    height(description.length, L.fontSize) +
    (evidence.length === 0 ? 0 : L.evidenceGap + height(evidence.length, L.evidenceSize));
  const right = height(Math.max(share.length, amount.length), L.fontSize);
  return { description, evidence, share, amount, height: ROW_CHROME + Math.max(left, right) };
}

function closingHeight(totals: number, payment: string): number {
  const rows =
    (totals - 1) * (2 * L.totalRowPadding + height(1, L.fontSize)) +
    (2 * L.totalRowPadding + 2 + 4 + 1 + height(1, L.grandSize));
  const pay =
    payment === ""
      ? 0
      : L.paymentGap + height(1, L.labelSize) + 2 + height(textLines(payment, L.fontSize, CONTENT_WIDTH), L.fontSize);
  return L.totalsGap + rows + pay;
}

export interface PagePlan {
  /** index of the first line on the page and one past the last */
  from: number;
  to: number;
  parties: boolean;
  closing: boolean;
}

/** Pages that each fit: lines in order, the parties on the first, totals and payment after the last line. */
export function planPages(content: PageContent): PagePlan[] {
  const head = headerHeight(content.meta) + content.headHeight;
  const firstBudget = CONTENT_HEIGHT - head - partiesHeight(content.seller, content.buyer);
  const budget = CONTENT_HEIGHT - head;
  const pages: PagePlan[] = [];
  let from = 0;
  let used = 0;
  const limit = () => (pages.length === 0 ? firstBudget : budget);
  content.rowHeights.forEach((h, i) => {
    // a page takes the line unless it is full; the first page may be left with the parties
    // alone when the line fits a full page; a line taller than any page (impossible within the
    // input limits) still gets a page of its own
    const full = i > from || (pages.length === 0 && h <= budget);
    if (used + h > limit() && full) {
      pages.push({ from, to: i, parties: pages.length === 0, closing: false });
      from = i;
      used = 0;
    }
    used += h;
  });
  const closing = closingHeight(content.totals, content.payment);
  if (from < content.rowHeights.length || pages.length === 0) {
    if (used + closing <= limit())
      return [...pages, { from, to: content.rowHeights.length, parties: pages.length === 0, closing: true }];
    pages.push({ from, to: content.rowHeights.length, parties: pages.length === 0, closing: false });
  }
  return [...pages, { from: content.rowHeights.length, to: content.rowHeights.length, parties: false, closing: true }];
}
