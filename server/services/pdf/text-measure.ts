import type { TextMeasure } from "../../domain/text-wrap";
import { loadedFonts, type LoadedFont } from "./fonts";

// Widths for text a template paints itself (the invoice's table), in points. Advance widths in
// ems per code point, per weight: bounded by the font's code points, so kept for the process.
// Shaping every string (what drawing does) costs ~0.1 ms a string; summing advances differs from
// it only by kerning, which the columns' one point of reserve absorbs.

const advances = { regular: new Map<number, number>(), bold: new Map<number, number>() };

function emWidth(font: LoadedFont, known: Map<number, number>, text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i += 1) {
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i += 1;
    let advance = known.get(codePoint);
    if (advance === undefined) {
      advance = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
      known.set(codePoint, advance);
    }
    width += advance;
  }
  return width;
}

/** The width of text in the documents' font (regular or bold). */
export async function pdfTextMeasure(): Promise<TextMeasure> {
  const fonts = await loadedFonts();
  return (text, size, bold = false) =>
    size * (bold ? emWidth(fonts.bold, advances.bold, text) : emWidth(fonts.regular, advances.regular, text));
}
