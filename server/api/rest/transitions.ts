import { z } from "zod";
import { isConsultantRole } from "../../domain/roles";
import type { SessionClaims } from "../../auth";
import { appOrigin } from "../origin";
import { createCaller } from "../root";
import { ZRequestedAction } from "../../domain/milestone-machine";
import { ZIdempotencyKey, ZSha256 } from "../../domain/schemas";
import { readJsonBody } from "./json-body";
import { errorResponse, json, refused } from "./respond";

// POST /api/v1/milestones/{id}/transitions: the same procedures as the app. Errors answer
// { error: CODE, reasons: [...] } with at least one reason.

const MAX_BODY_BYTES = 16 * 1024;

const ZTransitionBody = z.strictObject({
  action: ZRequestedAction,
  idempotencyKey: ZIdempotencyKey,
  comment: z.string().max(4_000).optional(),
  evidenceSha256: z.array(ZSha256).max(500).optional(),
});

export async function postTransitionRest(session: SessionClaims | null, milestoneId: string, request: Request): Promise<Response> {
  if (!session) return refused(401, "UNAUTHORIZED", ["sign in first"]);
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = ZTransitionBody.safeParse(body.value);
  if (!parsed.success) {
    return refused(400, "BAD_REQUEST", parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`));
  }
  const caller = createCaller({ session, origin: appOrigin(request) });
  const input = { milestoneId, ...parsed.data };
  try {
    const result = isConsultantRole(session.role) ? await caller.milestone.transition(input) : await caller.portal.milestone.transition(input);
    return json({ state: result.state, milestoneId: result.milestoneId, version: result.version });
  } catch (error) {
    return errorResponse(error);
  }
}
