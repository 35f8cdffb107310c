import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import Busboy from "busboy";
import { EvidenceInputError } from "../../domain/evidence/errors";
import { BlobTooLargeError, blobStore, type StagedBlob } from "../storage/blob-store";

// Reads an evidence upload (multipart: fields and one file) as it streams: the file goes straight
// into the blob store's staging area with a byte budget, never into memory; fields are bounded.
// BlobTooLargeError when the file is over the budget, EvidenceInputError when the body is not multipart.

export { BlobTooLargeError };

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface ParsedUpload {
  fields: Record<string, string>;
  staged: StagedBlob | null;
  filename: string | null;
  mediaType: string;
}

export function parseMultipart(request: Request, contentType: string): Promise<ParsedUpload> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let staging: Promise<StagedBlob> | null = null;
    let filename: string | null = null;
    let mediaType = "application/octet-stream";
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({
        headers: { "content-type": contentType },
        limits: { files: 1, fields: 10, fieldSize: 4_096, fileSize: MAX_UPLOAD_BYTES + 1 },
      });
    } catch {
      reject(new EvidenceInputError("MALFORMED", "the body is not multipart/form-data"));
      return;
    }
    parser.on("field", (name, value) => (fields[name] = value));
    parser.on("file", (_name, stream, info) => {
      filename = info.filename ? info.filename.slice(0, 255) : null;
      mediaType = info.mimeType || mediaType;
      staging = blobStore().stage(stream, MAX_UPLOAD_BYTES);
      staging.catch(() => stream.resume());
    });
    parser.on("error", reject);
    parser.on("close", () => {
      if (!staging) return resolve({ fields, staged: null, filename, mediaType });
      staging.then((staged) => resolve({ fields, staged, filename, mediaType }), reject);
    });
    Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>).pipe(parser);
  });
}
