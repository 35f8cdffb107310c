import type { RoiPdfStore } from "../../../data/roi/share";
import { blobStore } from "../../../services/storage/blob-store";

// The shared ROI PDFs go to the content-addressed blob store, like issued invoices.

const MAX_PDF_BYTES = 20 * 1024 * 1024;

export const storeRoiPdf: RoiPdfStore = async (bytes) => {
  const staged = await blobStore().stage(
    (async function* () {
      yield bytes;
    })(),
    MAX_PDF_BYTES,
  );
  return { sha256: staged.sha256, storageKey: await staged.commit() };
};
