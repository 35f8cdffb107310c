import { EvidenceInputError } from "../../domain/evidence/errors";
import { checkEvidenceRole } from "../../domain/evidence/evidence-role";
import { FILE_VERIFIER_KINDS } from "../../domain/evidence/kinds";
import { verifyFile } from "../../domain/evidence/verify";
import { recordEvidence, type NewVerification } from "../../data/evidence/record";
import { findMilestoneRequirements } from "../../data/milestone/requirements";
import { resolveTokenScope } from "../../data/organisation/api-tokens";
import type { EvidenceWriter } from "../../data/scope";
import { bearerToken } from "../../domain/api-token";
import {
  BlobTooLargeError,
  MAX_UPLOAD_BYTES,
  parseMultipart,
  type ParsedUpload,
} from "../../services/evidence/multipart-upload";
import type { SessionClaims } from "../../auth";
import { errorResponse, json, refused } from "./respond";
import { restConsultantScope } from "./session-scope";
import { baselineForVerifying, verifyAgainstRequirements } from "../../services/evidence/verify-stored";

// POST /api/v1/milestones/{id}/evidence (multipart: kind, file, optional role): stores the file by
// SHA-256, runs the verifier against each gate requirement it can satisfy, attaches the results.
// A go-bench file with role "baseline" is the engagement's yardstick: checked to be a benchmark
// file, stored, and not judged against the gate (it is never a milestone's current evidence).

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
    return refused(401, "UNAUTHORIZED", ["a valid, unrevoked API token is required (Authorization: Bearer tg_...)"]);
  return ingestEvidence(scope, request, null).catch(errorResponse);
}

async function ingestEvidence(
  scope: EvidenceWriter,
  request: Request,
  pathMilestoneId: string | null,
): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024)
    return refused(413, "PAYLOAD_TOO_LARGE", [`uploads are limited to ${MAX_UPLOAD_BYTES} bytes`]);
  // a milestone the scope may not reach is refused (NotFound) before the body is read
  let requirements = pathMilestoneId ? await findMilestoneRequirements(scope, pathMilestoneId) : [];
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body)
    return refused(415, "UNSUPPORTED_MEDIA_TYPE", [
      'send multipart/form-data with fields kind and file (and role "baseline" for a go-bench baseline)',
    ]);

  let upload: ParsedUpload;
  try {
    upload = await parseMultipart(request, contentType);
  } catch (error) {
    if (error instanceof BlobTooLargeError) return refused(413, "PAYLOAD_TOO_LARGE", [error.message]);
    if (error instanceof EvidenceInputError) return refused(400, "BAD_REQUEST", [error.message]);
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
  if (!staged) return refused(400, "BAD_REQUEST", ["no file in the upload"]);
  if (!(FILE_VERIFIER_KINDS as readonly string[]).includes(kind)) {
    await staged.discard();
    return refused(400, "BAD_REQUEST", [`kind must be one of ${FILE_VERIFIER_KINDS.join(", ")}`]);
  }
  const role = checkEvidenceRole(upload.fields.role, kind);
  if (!role.ok) {
    await staged.discard();
    return refused(400, "BAD_REQUEST", [role.reason]);
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
    if (error instanceof EvidenceInputError) return refused(422, "INVALID_EVIDENCE", [error.message]);
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
