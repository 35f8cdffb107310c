import { z } from "zod";
import { ATTESTING_PARTIES } from "../../../domain/gate";
import { ZMilestoneState } from "../../../domain/milestone";
import { ZRequestedAction } from "../../../domain/milestone-machine";
import { ZIdempotencyKey, ZSha256 } from "../../../domain/schemas";
import { ZIdParams, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// POST /api/v1/milestones/{id}/transitions and /attestations: JSON bodies, counted while they stream.

export const MAX_TRANSITION_BODY_BYTES = 16 * 1024;
export const MAX_ATTESTATION_BODY_BYTES = 4 * 1024;

export const ZTransitionBody = z.strictObject({
  action: ZRequestedAction,
  idempotencyKey: ZIdempotencyKey,
  comment: z.string().max(4_000).optional().meta({ description: "required for request_changes" }),
  evidenceSha256: z
    .array(ZSha256)
    .max(500)
    .optional()
    .meta({ description: "approve: the SHA-256 of every evidence item the approver was shown" }),
});

export const ZTransitionResponse = z.object({ state: ZMilestoneState, milestoneId: z.string(), version: z.int() });

export const ZAttestationBody = z.strictObject({
  statement: z.string().trim().min(1).max(500),
  idempotencyKey: ZIdempotencyKey,
});

export const ZAttestationResponse = z.object({
  evidenceId: z.string(),
  sha256: ZSha256,
  milestoneId: z.string(),
  requirementId: z.string(),
  party: z.enum(ATTESTING_PARTIES),
  statement: z.string(),
  attestedBy: z.object({ userId: z.string(), name: z.string() }),
  attestedAt: z.iso.datetime(),
});

const jsonBodyRefusals = (maxBytes: string) => ({
  "413": refusalResponse(`Body larger than ${maxBytes}`),
  "415": refusalResponse("The body is not sent as application/json"),
});

export const milestoneOperations: RestOperation[] = [
  {
    operationId: "attestMilestone",
    method: "post",
    path: "/api/v1/milestones/{id}/attestations",
    summary: "Attest what the milestone's gate asks the caller's party to attest",
    description:
      "An attestation requirement names its party (the client's approver, or a consultant) and its statement. " +
      "The named party states exactly those words; the attestation is kept as evidence (the canonical record and " +
      "its SHA-256) and meets the requirement. Reusing an idempotency key returns the first answer; the same key " +
      "with another body is a 422.",
    params: ZIdParams,
    requestBody: { content: { "application/json": ZAttestationBody } },
    responses: {
      "201": jsonResponse(ZAttestationResponse, "The attestation as kept"),
      "400": refusalResponse("Malformed body or unknown fields"),
      "401": refusalResponse("No session"),
      "403": refusalResponse("WRONG_PARTY (the gate asks the other party), or a client viewer (FORBIDDEN)"),
      "404": refusalResponse("Unknown milestone, or one the caller may not see"),
      "409": refusalResponse("NOT_ATTESTABLE: the gate asks for no attestation"),
      ...jsonBodyRefusals("4 KiB"),
      "422": refusalResponse("WRONG_STATEMENT (the reasons give the gate's words) or IDEMPOTENCY_MISMATCH"),
    },
  },
  {
    operationId: "transitionMilestone",
    method: "post",
    path: "/api/v1/milestones/{id}/transitions",
    summary: "Move a milestone through its state machine",
    description:
      "Consultants start, submit, verify, invoice and cancel; client approvers approve and request changes. A " +
      "guard refusal answers 409 with one reason per unmet condition. Reusing an idempotency key returns the " +
      "first answer; the same key with another body is a 422.",
    params: ZIdParams,
    requestBody: { content: { "application/json": ZTransitionBody } },
    responses: {
      "200": jsonResponse(ZTransitionResponse, "The milestone's new state"),
      "400": refusalResponse("Malformed body, unknown fields, or a missing comment (COMMENT_REQUIRED)"),
      "401": refusalResponse("No session"),
      "403": refusalResponse("The caller's role may not take this action"),
      "404": refusalResponse("Unknown milestone, or one the caller may not see"),
      "409": refusalResponse(
        "GATE_CLOSED (one reason per unmet requirement), INVALID_TRANSITION (names the current state), " +
          "EVIDENCE_CHANGED, or CONFLICT (a lost race)",
      ),
      ...jsonBodyRefusals("16 KiB (counted while it streams)"),
      "422": refusalResponse("IDEMPOTENCY_MISMATCH: the key was used for a different request"),
    },
  },
];
