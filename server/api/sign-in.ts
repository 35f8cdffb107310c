import { z } from "zod";
import { clientAddress, decideLoginAttempt, LOGIN_WINDOW_MS, normaliseEmail } from "../domain/login-throttle";
import type { SessionRole } from "../domain/roles";
import { countRecentFailures, findSignInCandidate, pruneLoginAttempts, recordLoginAttempt } from "../data/users";
import { verifyPassword } from "../password";

const ZCredentials = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) });

export type SignInResult = { ok: true; userId: string; role: SessionRole } | { ok: false; reason: "invalid" | "rate_limited" };

/** Checks credentials under the throttling policy; every attempt is recorded. */
export async function signIn(credentials: unknown, forwardedFor?: string, realIp?: string): Promise<SignInResult> {
  const parsed = ZCredentials.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const email = normaliseEmail(parsed.data.email);
  const ip = clientAddress(forwardedFor, realIp);
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);

  const decision = decideLoginAttempt(await countRecentFailures(email, ip, since));
  if (!decision.allowed) return { ok: false, reason: "rate_limited" };

  const candidate = await findSignInCandidate(email);
  const valid = await verifyPassword(parsed.data.password, candidate?.passwordHash ?? null);
  await recordLoginAttempt(email, ip, valid && candidate !== null);
  if (Math.random() < 0.01) await pruneLoginAttempts(since);
  if (!valid || !candidate) return { ok: false, reason: "invalid" };
  return { ok: true, userId: candidate.id, role: candidate.role };
}
