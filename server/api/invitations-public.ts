import { z } from "zod";
import { acceptInvitation, previewInvitation, type InvitationPreview } from "../data/invitation-accept";
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

const REASONS: Record<string, string> = {
  unknown: "this invitation link is not valid",
  expired: "this invitation has expired; ask for a new one",
  revoked: "this invitation was withdrawn",
  accepted: "this invitation was already used; sign in instead",
  EMAIL_TAKEN: "an account with this email already exists; sign in instead",
};

const unusable = (status: string) => refused(status === "unknown" ? 404 : 410, status === "unknown" ? "NOT_FOUND" : "GONE", [REASONS[status] ?? "the invitation cannot be used"]);

/** `hash` is the password hasher (bcrypt; a test counts its calls). */
export async function acceptInvitationRequest(request: Request, hash: (password: string) => Promise<string> = hashPassword): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = ZAcceptBody.safeParse(body.value);
  if (!parsed.success) return refused(400, "BAD_REQUEST", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  // an unknown or used token costs a lookup, never a password hash (bcrypt is the slow part)
  const preview = await previewInvitation(parsed.data.token);
  if (preview.status !== "pending") return unusable(preview.status);
  const outcome = await acceptInvitation(parsed.data.token, { name: parsed.data.name, passwordHash: await hash(parsed.data.password) });
  if (!outcome.ok) return unusable(outcome.status);
  return json({ email: outcome.email });
}
