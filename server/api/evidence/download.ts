import { Readable } from "node:stream";
import { isConsultantRole } from "../../domain/roles";
import { findEvidenceBlob } from "../../data/evidence-read";
import { resolveClientScope, resolveOrgScope } from "../../data/scope";
import { blobStore } from "../../storage/blob-store";
import type { SessionClaims } from "../../auth";
import { json } from "../rest/respond";

/** A name safe for Content-Disposition: no path, quotes or control characters. */
export function safeFilename(name: string | null, sha256: string): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[^\w.\- ]+/g, "_").replace(/^\.+/, "").slice(0, 120).trim();
  return cleaned || `evidence-${sha256.slice(0, 12)}`;
}

export async function downloadEvidence(session: SessionClaims | null, evidenceId: string): Promise<Response> {
  if (!session) return json({ error: "UNAUTHORIZED", reasons: ["sign in first"] }, 401);
  const scope = isConsultantRole(session.role) ? await resolveOrgScope(session.userId) : await resolveClientScope(session.userId);
  if (!scope) return json({ error: "UNAUTHORIZED", reasons: ["your account is no longer active"] }, 401);
  const blob = await findEvidenceBlob(scope, evidenceId);
  if (!blob) return json({ error: "NOT_FOUND", reasons: ["evidence not found"] }, 404);
  const body = Readable.toWeb(blobStore().open(blob.storageKey)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "content-type": "application/octet-stream",
      "content-length": String(blob.sizeBytes),
      "content-disposition": `attachment; filename="${safeFilename(blob.filename, blob.sha256)}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      etag: `"${blob.sha256}"`,
    },
  });
}
