import { createHash } from "node:crypto";

// API tokens: `tg_<12 hex prefix>_<43 char secret>`. Only the SHA-256 of the whole token is
// stored; the prefix identifies it in lists without revealing it.

export const TOKEN_PATTERN = /^tg_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/;

/** A token works for a year unless made for less (or more, up to two years). */
export const DEFAULT_TOKEN_DAYS = 365;
export const MAX_TOKEN_DAYS = 730;

export function tokenExpiry(from: Date, days = DEFAULT_TOKEN_DAYS): Date {
  return new Date(from.getTime() + days * 24 * 60 * 60 * 1000);
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function formatToken(prefix: string, secret: string): string {
  return `tg_${prefix}_${secret}`;
}

export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  const token = match?.[1] ?? null;
  return token && TOKEN_PATTERN.test(token) ? token : null;
}
