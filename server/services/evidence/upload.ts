import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import Busboy from "busboy";
import { EvidenceInputError } from "../../domain/evidence/errors";
import { checkEvidenceRole } from "../../domain/evidence/evidence-role";
import { FILE_VERIFIER_KINDS } from "../../domain/evidence/kinds";
import { verifyFile } from "../../domain/evidence/verify";
import { recordEvidence, type NewVerification } from "../../data/evidence/record";
import { findMilestoneRequirements } from "../../data/milestone/requirements";
import { resolveTokenScope } from "../../data/organisation/api-tokens";
import type { EvidenceWriter } from "../../data/scope";
import { bearerToken } from "../../domain/api-token";
import { BlobTooLargeError, blobStore, type StagedBlob } from "../storage/blob-store";
import type { SessionClaims } from "../../auth";
import { errorResponse, json } from "../../api/rest/respond";
import { restConsultantScope } from "../../api/rest/session-scope";
import { baselineForVerifying, verifyAgainstRequirements } from "./verify-stored";

// POST /api/v1/milestones/{id}/evidence (multipart: kind, file, optional role): stores the file by
// SHA-256, runs the verifier against each gate requirement it can satisfy, attaches the results.
// A go-bench file with role "baseline" is the engagement's yardstick: checked to be a benchmark
// file, stored, and not judged against the gate (it is never a milestone's current evidence).

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const failure = (status: number, error: string, reasons: string[]) => json({ error, reasons }, status);

interface ParsedUpload {
  fields: Record<string, string>;
  staged: StagedBlob | null;
  filename: string | null;
  mediaType: string;
}

function parseMultipart(request: Request, contentType: string): Promise<ParsedUpload> {
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

/** The app's upload: a signed-in consultant, the milestone named by the path. */
export async function uploadEvidence(
  session: SessionClaims | null,
  milestoneId: string,
  request: Request,
): Promise<Response> {
  const { scope, response } = await restConsultantScope(session, "only consultants attach evidence");
  if (response) return response;
  return ingestEvidence(scope, request, milestoneId).catch(errorResponse);
}

/** The CI API: a bearer token scoped to one engagement, the milestone named by a form field. */
export async function submitEvidenceWithToken(request: Request): Promise<Response> {
  const token = bearerToken(request.headers.get("authorization"));
  const scope = token ? await resolveTokenScope(token) : null;
  if (!scope)
    return failure(401, "UNAUTHORIZED", ["a valid, unrevoked API token is required (Authorization: Bearer tg_...)"]);
  return ingestEvidence(scope, request, null).catch(errorResponse);
}

async function ingestEvidence(
  scope: EvidenceWriter,
  request: Request,
  pathMilestoneId: string | null,
): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024)
    return failure(413, "PAYLOAD_TOO_LARGE", [`uploads are limited to ${MAX_UPLOAD_BYTES} bytes`]);
  // a milestone the scope may not reach is refused (NotFound) before the body is read
  let requirements = pathMilestoneId ? await findMilestoneRequirements(scope, pathMilestoneId) : [];
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body)
    return failure(415, "UNSUPPORTED_MEDIA_TYPE", [
      'send multipart/form-data with fields kind and file (and role "baseline" for a go-bench baseline)',
    ]);

  let upload: ParsedUpload;
  try {
    upload = await parseMultipart(request, contentType);
  } catch (error) {
    if (error instanceof BlobTooLargeError) return failure(413, "PAYLOAD_TOO_LARGE", [error.message]);
    if (error instanceof EvidenceInputError) return failure(400, "BAD_REQUEST", [error.message]);
    throw error;
  }
  const { staged } = upload;
  const kind = upload.fields.kind ?? "";
  const milestoneId = pathMilestoneId ?? upload.fields.milestoneId ?? "";
  if (!pathMilestoneId) {
    try {
      requirements = await findMilestoneRequirements(scope, milestoneId);
    } catch (error) {
      await staged?.discard();
      throw error;
    }
  }
  if (!staged) return failure(400, "BAD_REQUEST", ["no file in the upload"]);
  if (!(FILE_VERIFIER_KINDS as readonly string[]).includes(kind)) {
    await staged.discard();
    return failure(400, "BAD_REQUEST", [`kind must be one of ${FILE_VERIFIER_KINDS.join(", ")}`]);
  }
  const role = checkEvidenceRole(upload.fields.role, kind);
  if (!role.ok) {
    await staged.discard();
    return failure(400, "BAD_REQUEST", [role.reason]);
  }
  let verifications: NewVerification[];
  try {
    if (role.role === "baseline") {
      await verifyFile({ kind, file: staged.open() });
      verifications = [];
    } else {
      const baseline = await baselineForVerifying(scope, milestoneId, kind, requirements);
      verifications = await verifyAgainstRequirements(kind, () => staged.open(), requirements, baseline);
    }
  } catch (error) {
    await staged.discard();
    if (error instanceof EvidenceInputError) return failure(422, "INVALID_EVIDENCE", [error.message]);
    throw error;
  }

  const storageKey = await staged.commit();
  const recorded = await recordEvidence(scope, {
    milestoneId,
    kind,
    sha256: staged.sha256,
    filename: upload.filename ?? undefined,
    blob: { sizeBytes: staged.sizeBytes, mediaType: upload.mediaType, storageKey },
    source: "tokenId" in scope ? "api" : "upload",
    role: role.role,
    verifications,
  });
  return json(
    {
      evidenceId: recorded.evidenceId,
      sha256: staged.sha256,
      sizeBytes: staged.sizeBytes,
      milestoneState: recorded.state,
      role: role.role,
      verifications: verifications.map((v) => ({
        requirementId: v.requirementId,
        verdict: v.verdict,
        metrics: v.metrics,
        reasons: v.reasons,
      })),
    },
    201,
  );
}
