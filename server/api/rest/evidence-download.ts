import { Readable } from "node:stream";
import { findEvidenceBlob } from "../../data/evidence/read";
import { blobStore } from "../../services/storage/blob-store";
import type { SessionClaims } from "../../auth";
import { attachment, errorResponse } from "./respond";
import { restScope } from "./session-scope";

/** A name safe for Content-Disposition: no path, quotes or control characters. */
export function safeFilename(name: string | null, sha256: string): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[^\w.\- ]+/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 120)
    .trim();
  return cleaned || `evidence-${sha256.slice(0, 12)}`;
}

export async function downloadEvidence(session: SessionClaims | null, evidenceId: string): Promise<Response> {
  const { scope, response } = await restScope(session);
  if (response) return response;
  let blob: Awaited<ReturnType<typeof findEvidenceBlob>>;
  try {
    blob = await findEvidenceBlob(scope, evidenceId);
  } catch (error) {
    return errorResponse(error);
  }
  const body = Readable.toWeb(blobStore().open(blob.storageKey)) as unknown as ReadableStream<Uint8Array>;
  return attachment(body, {
    type: "application/octet-stream",
    filename: safeFilename(blob.filename, blob.sha256),
    length: Number(blob.sizeBytes),
    etag: blob.sha256,
  });
}
