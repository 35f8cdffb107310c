import path from "node:path";
import { Font, renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { cacheEmbeddedFonts } from "./font-cache";

// PDF rendering with a font that covers Chinese and Latin text: Noto Sans SC (OFL) from the
// @expo-google-fonts/noto-sans-sc npm package, so it installs wherever npm does. Subsets are
// embedded, so a PDF carries only the glyphs it uses.

let registered = false;

function fontFile(weight: "400Regular" | "700Bold"): string {
  return path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc", weight, `NotoSansSC_${weight}.ttf`);
}

export function registerPdfFonts(): void {
  if (registered) return;
  Font.register({ family: "NotoSansSC", fonts: [{ src: fontFile("400Regular"), fontWeight: 400 }, { src: fontFile("700Bold"), fontWeight: 700 }] });
  // CJK text has no spaces and digests are one long word: both may break between any two
  // characters, without a hyphen (a hyphen inside a SHA-256 would change what it says)
  Font.registerHyphenationCallback((word) => (/[\u3000-\u9fff\uff00-\uffef]/.test(word) || /^[0-9a-f]{16,}$/.test(word) ? Array.from(word).flatMap((ch) => [ch, ""]) : [word]));
  registered = true;
}

export async function renderPdf(document: ReactElement): Promise<Buffer> {
  registerPdfFonts();
  await cacheEmbeddedFonts();
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}
