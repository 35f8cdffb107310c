import { createHash } from "node:crypto";
import { z } from "zod";
import { ZClientRole } from "./roles";

// Invitation links carry `inv_<43 char secret>`; only its SHA-256 is stored. An invitation is
// pending until accepted, revoked or past its expiry; only a pending one can be accepted.

export const INVITATION_TOKEN = /^inv_[A-Za-z0-9_-]{43}$/;
export const DEFAULT_INVITATION_DAYS = 7;

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

/** Who an invitation makes someone: a client's approver or viewer, or a consultant of the organisation. */
export const ZInvitationRole = z.enum([...ZClientRole.options, "consultant"]);
export type InvitationRole = z.infer<typeof ZInvitationRole>;

export function invitationTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationExpiry(from: Date, days = DEFAULT_INVITATION_DAYS): Date {
  return new Date(from.getTime() + days * 24 * 60 * 60 * 1000);
}

export function invitationStatus(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}
