import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import { isConsultantRole } from "../../domain/roles";
import type { SessionClaims } from "../../auth";
import { appOrigin } from "../origin";
import { createCaller } from "../root";
import { ZIdempotencyKey, ZSha256, ZTransitionAction } from "../routers/milestone/transition.schema";
import { Refusal } from "../trpc";
import { json } from "./respond";

// POST /api/v1/milestones/{id}/transitions: the same procedures as the app. Errors answer
// { error: CODE, reasons: [...] } with at least one reason.

const MAX_BODY_BYTES = 16 * 1024;

const ZTransitionBody = z.strictObject({
  action: ZTransitionAction,
  idempotencyKey: ZIdempotencyKey,
  comment: z.string().max(4_000).optional(),
  evidenceSha256: z.array(ZSha256).max(500).optional(),
});

const failure = (status: number, error: string, reasons: string[]) => json({ error, reasons: reasons.length ? reasons : [error] }, status);

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { ok: false, response: failure(413, "PAYLOAD_TOO_LARGE", [`the body exceeds ${MAX_BODY_BYTES} bytes`]) };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, response: failure(413, "PAYLOAD_TOO_LARGE", [`the body exceeds ${MAX_BODY_BYTES} bytes`]) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: failure(400, "BAD_REQUEST", ["the body is not valid JSON"]) };
  }
}

export async function postTransitionRest(session: SessionClaims | null, milestoneId: string, request: Request): Promise<Response> {
  if (!session) return failure(401, "UNAUTHORIZED", ["sign in first"]);
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = ZTransitionBody.safeParse(body.value);
  if (!parsed.success) {
    return failure(400, "BAD_REQUEST", parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`));
  }
  const caller = createCaller({ session, origin: appOrigin(request.url) });
  const input = { milestoneId, ...parsed.data };
  try {
    const result = isConsultantRole(session.role) ? await caller.milestone.transition(input) : await caller.portal.milestone.transition(input);
    return json({ state: result.state, milestoneId: result.milestoneId, version: result.version });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const status = getHTTPStatusCodeFromError(error);
    if (error.cause instanceof Refusal) return failure(status, error.cause.code, error.cause.reasons);
    return failure(status, error.code, [error.message]);
  }
}
