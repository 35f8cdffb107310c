import { renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { cacheEmbeddedFonts } from "./font-cache";
import { loadedFonts } from "./fonts";

/** Renders a template's document with the documents' font (fonts.ts) and pdfkit's font cache in place. */
export async function renderPdf(document: ReactElement): Promise<Buffer> {
  await loadedFonts();
  await cacheEmbeddedFonts();
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}
