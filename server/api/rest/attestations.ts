import type { z } from "zod";
import { isConsultantRole } from "../../domain/roles";
import type { SessionClaims } from "../../auth";
import { appOrigin } from "../origin";
import { createCaller } from "../root";
import { MAX_ATTESTATION_BODY_BYTES, ZAttestationBody, type ZAttestationResponse } from "./contracts/milestones";
import { parseRequest } from "./contracts/shared";
import { readJsonBody } from "./json-body";
import { errorResponse, json, refused } from "./respond";

// POST /api/v1/milestones/{id}/attestations {"statement", "idempotencyKey"}: the same procedures
// as the app (the consultant's, or the portal's for a client's approver).

export async function postAttestationRest(
  session: SessionClaims | null,
  milestoneId: string,
  request: Request,
): Promise<Response> {
  if (!session) return refused(401, "UNAUTHORIZED", ["sign in first"]);
  const body = await readJsonBody(request, MAX_ATTESTATION_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = parseRequest(ZAttestationBody, body.value, "body");
  if (!parsed.ok) return parsed.response;
  const caller = createCaller({ session, origin: appOrigin(request) });
  const input = { milestoneId, ...parsed.data };
  try {
    const attestation: z.infer<typeof ZAttestationResponse> = await (isConsultantRole(session.role)
      ? caller.milestone.attest(input)
      : caller.portal.milestone.attest(input));
    return json(attestation, 201);
  } catch (error) {
    return errorResponse(error);
  }
}
