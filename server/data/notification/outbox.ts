import type { Email } from "../../domain/emails";
import type { Tx } from "../prisma-client";
import { seal, unseal } from "../../seal";
import { prisma } from "../prisma-client";
import type { OrgScope } from "../scope";

// Emails are written to the outbox inside the transaction of the change they report, so a
// message is never lost and never sent for a change that rolled back. With SMTP configured they
// are then delivered (status pending -> sent | failed); without it they stay "stored" for the
// consultant to read in the app.

export interface OutboxView {
  id: string;
  toEmail: string;
  subject: string;
  body: string;
  kind: string;
  status: "stored" | "pending" | "sent" | "failed";
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** A secret in an email's body that the stored copy shows as `shownAs` (see server/seal.ts). */
export interface WithheldSecret {
  secret: string;
  shownAs: string;
}

/**
 * Writes an email to the outbox in the caller's transaction. A withheld secret never reaches the
 * stored body; when SMTP will deliver the message, it is kept sealed until then.
 */
export async function enqueueEmail(
  tx: Tx,
  organisationId: string,
  to: string,
  kind: string,
  email: Email,
  smtpConfigured: boolean,
  withheld?: WithheldSecret,
): Promise<string> {
  const body = withheld ? email.body.split(withheld.secret).join(withheld.shownAs) : email.body;
  const sealed = withheld && smtpConfigured ? seal(JSON.stringify(withheld)) : null;
  const row = await tx.outboxMessage.create({
    data: {
      organisationId,
      toEmail: to,
      subject: email.subject,
      body,
      kind,
      sealed,
      status: smtpConfigured ? "pending" : "stored",
    },
    select: { id: true },
  });
  return row.id;
}

/** The body to send: the stored one with its withheld secret put back; null when it cannot be opened. */
function bodyToSend(row: { body: string; sealed: string | null }): string | null {
  if (!row.sealed) return row.body;
  const opened = unseal(row.sealed);
  if (!opened) return null;
  const withheld = JSON.parse(opened) as WithheldSecret;
  return row.body.split(withheld.shownAs).join(withheld.secret);
}

export async function listOutbox(scope: OrgScope, limit = 200): Promise<OutboxView[]> {
  const rows = await prisma().outboxMessage.findMany({
    where: { organisationId: scope.organisationId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    toEmail: row.toEmail,
    subject: row.subject,
    body: row.body,
    kind: row.kind,
    status: row.status,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}

/** Messages waiting for SMTP with attempts left, oldest first: what the delivery sweep queues. */
export async function pendingDeliveries(
  maxAttempts: number,
  limit = 200,
): Promise<{ id: string; organisationId: string }[]> {
  return prisma().outboxMessage.findMany({
    where: { status: "pending", attempts: { lt: maxAttempts } },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, organisationId: true },
  });
}

export interface ClaimedEmail {
  id: string;
  toEmail: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Claims one pending message for an attempt, or null when there is nothing to send (already sent,
 * given up, or claimed by another worker). The claim is one conditional update: of two workers
 * that read the same attempt count, only the one whose update still matches sends.
 */
export async function claimEmail(id: string, maxAttempts: number): Promise<ClaimedEmail | null> {
  const row = await prisma().outboxMessage.findUnique({ where: { id } });
  if (!row || row.status !== "pending" || row.attempts >= maxAttempts) return null;
  const won = await prisma().outboxMessage.updateMany({
    where: { id, attempts: row.attempts, status: "pending" },
    data: { attempts: row.attempts + 1 },
  });
  if (won.count !== 1) return null;
  const body = bodyToSend(row);
  if (body === null) {
    // sealed with another session secret (it was changed): sending it without its link would mislead
    await markEmailFailed(
      row.id,
      "its link was sealed with another session secret; resend the invitation for a new one",
      true,
    );
    return null;
  }
  return { id: row.id, toEmail: row.toEmail, subject: row.subject, body, attempts: row.attempts + 1 };
}

export async function markEmailSent(id: string): Promise<void> {
  // delivered: the secret has no reason to stay, even sealed
  await prisma().outboxMessage.update({
    where: { id },
    data: { status: "sent", sentAt: new Date(), error: null, sealed: null },
  });
}

export async function markEmailFailed(id: string, error: string, final: boolean): Promise<void> {
  await prisma().outboxMessage.update({
    where: { id },
    data: { error: error.slice(0, 500), ...(final ? { status: "failed", sealed: null } : {}) },
  });
}
