import { z } from "zod";
import {
  acceptInvitation,
  InvitationRefusal,
  previewInvitation,
  type InvitationPreview,
} from "../data/invitation/accept";
import { INVITATION_TOKEN } from "../domain/invitation";
import { ZNewPassword } from "../domain/password-rules";
import { hashPassword } from "../password";
import { readJsonBody } from "./rest/json-body";
import { json, refused } from "./rest/respond";

// The two things an invitee can do before having an account: look at the invitation, and accept
// it by choosing a name and password. The token is the only credential; it works once.

const MAX_BODY_BYTES = 4 * 1024;
const UNKNOWN: InvitationPreview = { status: "unknown", email: null, organisation: null, client: null, role: null };

export function invitationForPage(token: string): Promise<InvitationPreview> {
  return INVITATION_TOKEN.test(token) ? previewInvitation(token) : Promise.resolve(UNKNOWN);
}

const ZAcceptBody = z.strictObject({
  token: z.string().regex(INVITATION_TOKEN, "not an invitation link"),
  name: z.string().trim().min(1).max(120),
  password: ZNewPassword,
});

// GONE has no tRPC code, so its 410 is answered here rather than through the refusal table
const unusable = (refusal: InvitationRefusal) =>
  refused(refusal.code === "NOT_FOUND" ? 404 : 410, refusal.code, refusal.reasons);

/** `hash` is the password hasher (bcrypt; a test counts its calls). */
export async function acceptInvitationRequest(
  request: Request,
  hash: (password: string) => Promise<string> = hashPassword,
): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = ZAcceptBody.safeParse(body.value);
  if (!parsed.success)
    return refused(
      400,
      "BAD_REQUEST",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
  // an unknown or used token costs a lookup, never a password hash (bcrypt is the slow part)
  const preview = await previewInvitation(parsed.data.token);
  if (preview.status !== "pending") return unusable(new InvitationRefusal(preview.status));
  try {
    return json(
      await acceptInvitation(parsed.data.token, {
        name: parsed.data.name,
        passwordHash: await hash(parsed.data.password),
      }),
    );
  } catch (error) {
    if (error instanceof InvitationRefusal) return unusable(error);
    throw error;
  }
}
