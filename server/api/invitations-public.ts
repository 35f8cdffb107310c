import { z } from "zod";
import { acceptInvitation, previewInvitation, type InvitationPreview } from "../data/invitations";
import { INVITATION_TOKEN, PASSWORD_RULES } from "../domain/invitation";
import { hashPassword } from "../password";
import { json } from "./rest/respond";

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
  password: z.string().min(PASSWORD_RULES.min, `at least ${PASSWORD_RULES.min} characters`).max(PASSWORD_RULES.max, `at most ${PASSWORD_RULES.max} characters`),
});

const REASONS: Record<string, string> = {
  unknown: "this invitation link is not valid",
  expired: "this invitation has expired; ask for a new one",
  revoked: "this invitation was withdrawn",
  accepted: "this invitation was already used; sign in instead",
  EMAIL_TAKEN: "an account with this email already exists; sign in instead",
};

export async function acceptInvitationRequest(request: Request): Promise<Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return json({ error: "PAYLOAD_TOO_LARGE", reasons: ["the body is too large"] }, 413);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return json({ error: "PAYLOAD_TOO_LARGE", reasons: ["the body is too large"] }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json({ error: "BAD_REQUEST", reasons: ["the body is not valid JSON"] }, 400);
  }
  const parsed = ZAcceptBody.safeParse(body);
  if (!parsed.success) return json({ error: "BAD_REQUEST", reasons: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) }, 400);
  const outcome = await acceptInvitation(parsed.data.token, { name: parsed.data.name, passwordHash: await hashPassword(parsed.data.password) });
  if (!outcome.ok) return json({ error: outcome.status === "unknown" ? "NOT_FOUND" : "GONE", reasons: [REASONS[outcome.status] ?? "the invitation cannot be used"] }, outcome.status === "unknown" ? 404 : 410);
  return json({ email: outcome.email });
}
