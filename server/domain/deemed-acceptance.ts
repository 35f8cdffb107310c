// Deemed acceptance: when an engagement sets N days, a verified milestone the client neither
// approves nor sends back within N days of verification counts as accepted from then on.

const DAY_MS = 24 * 60 * 60 * 1000;

export function deemedAcceptanceDeadline(verifiedAt: Date | null, days: number | null): Date | null {
  if (!verifiedAt || days === null) return null;
  return new Date(verifiedAt.getTime() + days * DAY_MS);
}

export function isDeemedAccepted(state: string, verifiedAt: Date | null, days: number | null, now: Date): boolean {
  const deadline = deemedAcceptanceDeadline(verifiedAt, days);
  return state === "verified" && deadline !== null && deadline.getTime() <= now.getTime();
}
