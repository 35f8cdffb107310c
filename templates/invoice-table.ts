import { INVOICE_LAYOUT as L, lineHeight, type PaintedLine, type TableRow } from "@/server/domain/invoice-layout";
import { PAINTED_FONT } from "./fonts";

// The invoice's table, painted: its rows were broken into lines when the document was built
// (invoice-layout.ts), so drawing them is placing text, not laying it out. Geometry follows the
// template's former table styles: 5 pt above and below, a 1 pt rule under each row, the
// description on the left (evidence under it, smaller), share and amount right-aligned.

/** The slice of the painter react-pdf hands a Canvas (pdfkit's drawing methods) used here. */
interface Painter {
  font(name: string, size: number): Painter;
  fillColor(color: string): Painter;
  text(text: string, x: number, y: number, options: { lineBreak: false }): Painter;
  rect(x: number, y: number, width: number, height: number): Painter;
  fill(): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  lineWidth(width: number): Painter;
  strokeColor(color: string): Painter;
  stroke(): Painter;
}

const TABLE_COLORS = { text: "#0f172a", evidence: "#475569", rule: "#e2e8f0", head: "#f1f5f9" } as const;

/** The height of the head row and the given rows, for the Canvas that paints them. */
export const tableHeight = (head: TableRow, rows: TableRow[]) =>
  rows.reduce((sum, row) => sum + row.height, head.height);

function lines(
  painter: Painter,
  text: PaintedLine[],
  top: number,
  size: number,
  x: (line: PaintedLine) => number,
): number {
  text.forEach((line, i) => painter.text(line.text, x(line), top + i * lineHeight(size), { lineBreak: false }));
  return text.length * lineHeight(size);
}

function paintRow(painter: Painter, row: TableRow, top: number, width: number, head: boolean): void {
  if (head)
    painter
      .rect(0, top, width, row.height - 1)
      .fillColor(TABLE_COLORS.head)
      .fill();
  const textTop = top + L.rowPadding;
  painter.font(head ? PAINTED_FONT.bold : PAINTED_FONT.regular, L.fontSize).fillColor(TABLE_COLORS.text);
  const described = lines(painter, row.description, textTop, L.fontSize, () => 0);
  lines(painter, row.share, textTop, L.fontSize, (line) => width * L.shareEnd - line.width);
  lines(painter, row.amount, textTop, L.fontSize, (line) => width - line.width);
  if (row.evidence.length > 0) {
    painter.font(PAINTED_FONT.regular, L.evidenceSize).fillColor(TABLE_COLORS.evidence);
    lines(painter, row.evidence, textTop + described + L.evidenceGap, L.evidenceSize, () => 0);
  }
  const rule = top + row.height - 0.5;
  painter.moveTo(0, rule).lineTo(width, rule).lineWidth(1).strokeColor(TABLE_COLORS.rule).stroke();
}

/** A Canvas `paint` for the head row and the given rows, top to bottom. */
export function paintTable(head: TableRow, rows: TableRow[]) {
  return (painter: Painter, width: number): null => {
    let top = 0;
    for (const [i, row] of [head, ...rows].entries()) {
      paintRow(painter, row, top, width, i === 0);
      top += row.height;
    }
    return null;
  };
}
