// Sign-in throttling policy: failures since the last success inside a sliding window, counted
// per account and per client address. Pure: the data layer supplies the counts.

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export interface RecentFailures {
  forAccount: number;
  forIp: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; reason: "account" | "ip" };

export function decideLoginAttempt(failures: RecentFailures): ThrottleDecision {
  if (failures.forAccount >= MAX_FAILURES_PER_ACCOUNT) return { allowed: false, reason: "account" };
  if (failures.forIp >= MAX_FAILURES_PER_IP) return { allowed: false, reason: "ip" };
  return { allowed: true };
}

/** First address of X-Forwarded-For (set by Next's server or a proxy), else a fixed bucket. */
export function clientAddress(forwardedFor: string | null | undefined, realIp?: string | null): string {
  const first = forwardedFor?.split(",")[0]?.trim();
  if (first) return first.slice(0, 64);
  return realIp?.trim().slice(0, 64) || "unknown";
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
