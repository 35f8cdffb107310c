import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { PAINTED_FONT, PDF_FONT_FAMILY } from "../../../templates/fonts";
import { nameFont } from "./font-cache";

// The documents' font covers Chinese and Latin text: Noto Sans SC (OFL) from the
// @expo-google-fonts/noto-sans-sc npm package, so it installs wherever npm does. Subsets are
// embedded, so a PDF carries only the glyphs it uses.

/** The slice of a fontkit font the PDF code uses. */
export interface LoadedFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

function fontFile(weight: "400Regular" | "700Bold"): string {
  return path.join(
    process.cwd(),
    "node_modules",
    "@expo-google-fonts",
    "noto-sans-sc",
    weight,
    `NotoSansSC_${weight}.ttf`,
  );
}

let loading: Promise<{ regular: LoadedFont; bold: LoadedFont }> | null = null;

/**
 * The family registered with react-pdf and its two weights loaded as react-pdf loads them, bound to the names painted
 * text uses.
 */
export function loadedFonts(): Promise<{ regular: LoadedFont; bold: LoadedFont }> {
  loading ??= (async () => {
    Font.register({
      family: PDF_FONT_FAMILY,
      fonts: [
        { src: fontFile("400Regular"), fontWeight: 400 },
        { src: fontFile("700Bold"), fontWeight: 700 },
      ],
    });
    // CJK text has no spaces and digests are one long word: both may break between any two
    // characters, without a hyphen (a hyphen inside a SHA-256 would change what it says)
    Font.registerHyphenationCallback((word) =>
      /[\u3000-\u9fff\uff00-\uffef]/.test(word) || /^[0-9a-f]{16,}$/.test(word)
        ? Array.from(word).flatMap((ch) => [ch, ""])
        : [word],
    );
    const load = async (fontWeight: number) => {
      const source = Font.getFont({ fontFamily: PDF_FONT_FAMILY, fontWeight }) as unknown as {
        load(): Promise<void>;
        data: LoadedFont | null;
      };
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
