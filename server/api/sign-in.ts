import { z } from "zod";
import { LOGIN_WINDOW_MS, normaliseEmail } from "../domain/login-throttle";
import type { SessionRole } from "../domain/roles";
import { claimLoginAttempt, findSignInCandidate, markLoginSucceeded, pruneLoginAttempts } from "../data/user/sign-in";
import { verifyPassword } from "../password";

const ZCredentials = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) });

export type SignInResult =
  | { ok: true; userId: string; role: SessionRole; epoch: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number };

/**
 * Checks credentials under the throttling policy (server/domain/login-throttle.ts). `address` is
 * the client's, as server/api/request-address.ts reads it. Every attempt that reaches the password
 * check is recorded first, so simultaneous guesses cannot all read an empty record.
 */
export async function signIn(credentials: unknown, address: string): Promise<SignInResult> {
  const parsed = ZCredentials.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const email = normaliseEmail(parsed.data.email);

  const claim = await claimLoginAttempt(email, address);
  if (!claim.allowed) return { ok: false, reason: "rate_limited", retryAfterMs: claim.retryAfterMs };

  const candidate = await findSignInCandidate(email);
  const valid = await verifyPassword(parsed.data.password, candidate?.passwordHash ?? null);
  if (Math.random() < 0.01) await pruneLoginAttempts(new Date(Date.now() - LOGIN_WINDOW_MS));
  if (!valid || !candidate) return { ok: false, reason: "invalid" };
  await markLoginSucceeded(claim.attemptId);
  return { ok: true, userId: candidate.id, role: candidate.role, epoch: candidate.sessionEpoch };
}
