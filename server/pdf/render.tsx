import path from "node:path";
import { Font, renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import type { TextMeasure } from "../domain/text-wrap";
import { PAINTED_FONT, PDF_FONT_FAMILY } from "../../templates/fonts";
import { cacheEmbeddedFonts, nameFont } from "./font-cache";

// PDF rendering with a font that covers Chinese and Latin text: Noto Sans SC (OFL) from the
// @expo-google-fonts/noto-sans-sc npm package, so it installs wherever npm does. Subsets are
// embedded, so a PDF carries only the glyphs it uses.

/** The slice of a fontkit font this module uses. */
interface LoadedFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

let registered = false;

function fontFile(weight: "400Regular" | "700Bold"): string {
  return path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc", weight, `NotoSansSC_${weight}.ttf`);
}

export function registerPdfFonts(): void {
  if (registered) return;
  Font.register({ family: PDF_FONT_FAMILY, fonts: [{ src: fontFile("400Regular"), fontWeight: 400 }, { src: fontFile("700Bold"), fontWeight: 700 }] });
  // CJK text has no spaces and digests are one long word: both may break between any two
  // characters, without a hyphen (a hyphen inside a SHA-256 would change what it says)
  Font.registerHyphenationCallback((word) => (/[\u3000-\u9fff\uff00-\uffef]/.test(word) || /^[0-9a-f]{16,}$/.test(word) ? Array.from(word).flatMap((ch) => [ch, ""]) : [word]));
  registered = true;
}

let loading: Promise<{ regular: LoadedFont; bold: LoadedFont }> | null = null;

/** The family's fonts as react-pdf loads them, bound to the names painted text uses. */
function loadedFonts(): Promise<{ regular: LoadedFont; bold: LoadedFont }> {
  registerPdfFonts();
  loading ??= (async () => {
    const load = async (fontWeight: number) => {
      const source = Font.getFont({ fontFamily: PDF_FONT_FAMILY, fontWeight }) as unknown as { load(): Promise<void>; data: LoadedFont | null };
      await source.load();
      if (!source.data) throw new Error(`font ${PDF_FONT_FAMILY} ${fontWeight} did not load`);
      return source.data;
    };
    const [regular, bold] = await Promise.all([load(400), load(700)]);
    nameFont(PAINTED_FONT.regular, regular);
    nameFont(PAINTED_FONT.bold, bold);
    return { regular, bold };
  })();
  return loading;
}

// Advance widths in ems per code point, per weight: bounded by the font's code points, so kept
// for the process. Shaping every string (what drawing does) costs ~0.1 ms a string; summing
// advances differs from it only by kerning, which the columns' one point of reserve absorbs.
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

/** The width of text in the documents' font, for text a template paints. */
export async function pdfTextMeasure(): Promise<TextMeasure> {
  const fonts = await loadedFonts();
  return (text, size, bold = false) => size * (bold ? emWidth(fonts.bold, advances.bold, text) : emWidth(fonts.regular, advances.regular, text));
}

export async function renderPdf(document: ReactElement): Promise<Buffer> {
  await loadedFonts();
  await cacheEmbeddedFonts();
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}
