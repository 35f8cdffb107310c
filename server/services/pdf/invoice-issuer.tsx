import { invoiceDocument, type InvoiceDocumentSource } from "../../domain/invoice-document";
import type { Locale } from "../../domain/locale";
import type { PdfIssuer } from "../../data/invoice/document";
import { renderPdf } from "./render";
import { pdfTextMeasure } from "./text-measure";
import { blobStore } from "../storage/blob-store";
import { InvoicePdf } from "../../../templates/invoice";

// Renders an issued invoice or credit note in the organisation's language and keeps the bytes in
// the content-addressed store: downloads serve these bytes, never a new rendering.

const MAX_PDF_BYTES = 20 * 1024 * 1024;

export function pdfIssuer(locale: Locale): PdfIssuer {
  return {
    async issue(source: InvoiceDocumentSource) {
      const bytes = await renderPdf(<InvoicePdf doc={invoiceDocument(source, locale, await pdfTextMeasure())} />);
      const staged = await blobStore().stage(
        (async function* () {
          yield new Uint8Array(bytes);
        })(),
        MAX_PDF_BYTES,
      );
      const storageKey = await staged.commit();
      return { sha256: staged.sha256, storageKey, sizeBytes: staged.sizeBytes };
    },
  };
}
