import { z } from "zod";
import { EVIDENCE_ROLES } from "../../../domain/evidence/evidence-role";
import { FILE_VERIFIER_KINDS } from "../../../domain/evidence/kinds";
import { ZMilestoneState } from "../../../domain/milestone";
import { ZEntityId, ZSha256 } from "../../../domain/schemas";
import type { NewVerification } from "../../../data/evidence/record";
import { ZBinary, ZIdParams, enumOf, fileResponse, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// POST /api/v1/evidence (CI, bearer token), POST /api/v1/milestones/{id}/evidence (the app) and
// GET /api/v1/evidence/{id}/download. The upload is streamed by busboy, so its form is described
// here and checked field by field as it arrives (server/api/rest/evidence-upload.ts).

const evidenceForm = {
  kind: z.enum(FILE_VERIFIER_KINDS),
  file: ZBinary.meta({ description: "plain or gzip, at most 200 MB" }),
  role: z
    .enum(EVIDENCE_ROLES)
    .optional()
    .meta({ description: "go-bench only: the engagement's baseline, which other go-bench evidence is compared with" }),
};
export const ZEvidenceUploadForm = z.object(evidenceForm);
export const ZCiEvidenceForm = z.object({ milestoneId: ZEntityId, ...evidenceForm });

export const ZEvidenceUploadResponse = z.object({
  evidenceId: z.string(),
  sha256: ZSha256,
  sizeBytes: z.int(),
  milestoneState: ZMilestoneState,
  role: z
    .enum(EVIDENCE_ROLES)
    .nullable()
    .meta({ description: "baseline: stored as the engagement's yardstick, not judged against the gate" }),
  verifications: z.array(
    z.object({
      requirementId: z.string().nullable(),
      verdict: enumOf<NewVerification["verdict"]>()(["pass", "fail", "error"]),
      metrics: z
        .record(z.string(), z.unknown())
        .meta({ description: "coverage figures {covered, total, pct}; junit counts; go-bench benchmarks" }),
      reasons: z.array(z.string()),
    }),
  ),
});
export type EvidenceUploadResponse = z.infer<typeof ZEvidenceUploadResponse>;

export const evidenceOperations: RestOperation[] = [
  {
    operationId: "submitCiEvidence",
    method: "post",
    path: "/api/v1/evidence",
    summary: "CI evidence: store a file, verify it against the milestone's gate, attach the result",
    security: [{ bearerToken: [] }],
    requestBody: { content: { "multipart/form-data": ZCiEvidenceForm } },
    responses: {
      "201": jsonResponse(ZEvidenceUploadResponse, "Stored and verified"),
      "400": refusalResponse("Missing file, unknown kind"),
      "401": refusalResponse("Missing, unknown or revoked token"),
      "404": refusalResponse("The milestone is not in the token's engagement"),
      "413": refusalResponse("Body larger than the upload limit (refused before it is read)"),
      "415": refusalResponse("Not multipart/form-data"),
      "422": refusalResponse("INVALID_EVIDENCE: the file is empty, truncated, malformed or hostile; nothing is kept"),
    },
  },
  {
    operationId: "uploadMilestoneEvidence",
    method: "post",
    path: "/api/v1/milestones/{id}/evidence",
    summary: "Attach evidence from the app (session cookie, consultants)",
    params: ZIdParams,
    requestBody: { content: { "multipart/form-data": ZEvidenceUploadForm } },
    responses: {
      "201": jsonResponse(ZEvidenceUploadResponse, "Stored and verified"),
      "400": refusalResponse("Missing file, unknown kind"),
      "401": refusalResponse("No session"),
      "403": refusalResponse("Client users cannot attach evidence"),
      "404": refusalResponse("Unknown milestone, or one the caller may not see"),
      "413": refusalResponse("Body larger than the upload limit"),
      "415": refusalResponse("Not multipart/form-data"),
      "422": refusalResponse("INVALID_EVIDENCE"),
    },
  },
  {
    operationId: "downloadEvidence",
    method: "get",
    path: "/api/v1/evidence/{id}/download",
    summary: "The stored artifact, byte for byte, as an attachment",
    params: ZIdParams,
    responses: {
      "200": fileResponse("application/octet-stream", "The file"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown evidence, or evidence the caller may not see"),
    },
  },
];
