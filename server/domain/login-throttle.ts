// Sign-in throttling policy: a growing delay, never a lock-out someone else can keep alive.
// Failures are counted since the account's last success (inside a day) for three keys: the
// account from this address, this address over every account, and the account from everywhere.
// Each key allows some failures freely; after that the next attempt must wait a delay that
// doubles with every further failure, from 30 s up to 15 minutes. A refused attempt is not
// recorded, so waiting always ends. Pure: the data layer supplies the counts.

export const LOGIN_WINDOW_MS = 24 * 60 * 60 * 1000;
export const FIRST_DELAY_MS = 30 * 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;

/** Failures each key allows before delays start. */
export const FREE_FAILURES = {
  /** one account from one address: a person mistyping */
  accountFromAddress: 5,
  /** one address over every account: one machine guessing many accounts */
  address: 20,
  /** one account from every address: guesses spread over many machines */
  account: 50,
} as const;

export type ThrottleKey = keyof typeof FREE_FAILURES;

export interface FailureCount {
  count: number;
  lastAt: Date | null;
}

export type RecentFailures = Record<ThrottleKey, FailureCount>;

export type ThrottleDecision = { allowed: true } | { allowed: false; reason: ThrottleKey; retryAfterMs: number };

/** How long after the last failure the next attempt must wait, for `count` failures. */
export function delayAfter(count: number, free: number): number {
  if (count < free) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(count - free, 20));
}

export function decideLoginAttempt(failures: RecentFailures, now: Date): ThrottleDecision {
  let refusal: ThrottleDecision = { allowed: true };
  for (const key of Object.keys(FREE_FAILURES) as ThrottleKey[]) {
    const { count, lastAt } = failures[key];
    const wait = lastAt ? lastAt.getTime() + delayAfter(count, FREE_FAILURES[key]) - now.getTime() : 0;
    if (wait > 0 && (refusal.allowed || wait > refusal.retryAfterMs))
      refusal = { allowed: false, reason: key, retryAfterMs: wait };
  }
  return refusal;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
