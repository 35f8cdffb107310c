// Deemed acceptance: when an engagement sets N days, a verified milestone the client neither
// approves nor sends back within N days counts as accepted from then on. The days count from when
// the milestone was verified or from when the rule was set, whichever is later: setting or
// changing the rule never approves a milestone for time that passed before it.

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DeemedAcceptanceRule {
  days: number | null;
  /** when the current rule was set */
  since: Date | null;
}

export function deemedAcceptanceDeadline(verifiedAt: Date | null, rule: DeemedAcceptanceRule): Date | null {
  if (!verifiedAt || rule.days === null || !rule.since) return null;
  const from = Math.max(verifiedAt.getTime(), rule.since.getTime());
  return new Date(from + rule.days * DAY_MS);
}

export function isDeemedAccepted(
  state: string,
  verifiedAt: Date | null,
  rule: DeemedAcceptanceRule,
  now: Date,
): boolean {
  const deadline = deemedAcceptanceDeadline(verifiedAt, rule);
  return state === "verified" && deadline !== null && deadline.getTime() <= now.getTime();
}
