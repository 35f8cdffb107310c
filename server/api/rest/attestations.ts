import { z } from "zod";
import { isConsultantRole } from "../../domain/roles";
import type { SessionClaims } from "../../auth";
import { appOrigin } from "../origin";
import { createCaller } from "../root";
import { ZIdempotencyKey } from "../../domain/schemas";
import { readJsonBody } from "./json-body";
import { errorResponse, json, refused } from "./respond";

// POST /api/v1/milestones/{id}/attestations {"statement", "idempotencyKey"}: the same procedures
// as the app (the consultant's, or the portal's for a client's approver).

const MAX_BODY_BYTES = 4 * 1024;
const ZAttestBody = z.strictObject({ statement: z.string().trim().min(1).max(500), idempotencyKey: ZIdempotencyKey });

export async function postAttestationRest(session: SessionClaims | null, milestoneId: string, request: Request): Promise<Response> {
  if (!session) return refused(401, "UNAUTHORIZED", ["sign in first"]);
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = ZAttestBody.safeParse(body.value);
  if (!parsed.success) return refused(400, "BAD_REQUEST", parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`));
  const caller = createCaller({ session, origin: appOrigin(request) });
  const input = { milestoneId, ...parsed.data };
  try {
    const attestation = isConsultantRole(session.role) ? await caller.milestone.attest(input) : await caller.portal.milestone.attest(input);
    return json(attestation, 201);
  } catch (error) {
    return errorResponse(error);
  }
}
