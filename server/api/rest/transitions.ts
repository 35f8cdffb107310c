import type { z } from "zod";
import { isConsultantRole } from "../../domain/roles";
import type { SessionClaims } from "../../auth";
import { appOrigin } from "../origin";
import { createCaller } from "../root";
import { MAX_TRANSITION_BODY_BYTES, ZTransitionBody, type ZTransitionResponse } from "./contracts/milestones";
import { parseRequest } from "./contracts/shared";
import { readJsonBody } from "./json-body";
import { errorResponse, json, refused } from "./respond";

// POST /api/v1/milestones/{id}/transitions: the same procedures as the app. Errors answer
// { error: CODE, reasons: [...] } with at least one reason.

export async function postTransitionRest(
  session: SessionClaims | null,
  milestoneId: string,
  request: Request,
): Promise<Response> {
  if (!session) return refused(401, "UNAUTHORIZED", ["sign in first"]);
  const body = await readJsonBody(request, MAX_TRANSITION_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = parseRequest(ZTransitionBody, body.value, "body");
  if (!parsed.ok) return parsed.response;
  const caller = createCaller({ session, origin: appOrigin(request) });
  const input = { milestoneId, ...parsed.data };
  try {
    const result = isConsultantRole(session.role)
      ? await caller.milestone.transition(input)
      : await caller.portal.milestone.transition(input);
    const answer: z.infer<typeof ZTransitionResponse> = {
      state: result.state,
      milestoneId: result.milestoneId,
      version: result.version,
    };
    return json(answer);
  } catch (error) {
    return errorResponse(error);
  }
}
