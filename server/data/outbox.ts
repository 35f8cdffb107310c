import type { Email } from "../domain/emails";
import type { Tx } from "./client";
import { seal, unseal } from "../seal";
import { prisma } from "./client";
import type { OrgScope } from "./scope";

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
export async function enqueueEmail(tx: Tx, organisationId: string, to: string, kind: string, email: Email, smtpConfigured: boolean, withheld?: WithheldSecret): Promise<string> {
  const body = withheld ? email.body.split(withheld.secret).join(withheld.shownAs) : email.body;
  const sealed = withheld && smtpConfigured ? seal(JSON.stringify(withheld)) : null;
  const row = await tx.outboxMessage.create({
    data: { organisationId, toEmail: to, subject: email.subject, body, kind, sealed, status: smtpConfigured ? "pending" : "stored" },
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
  const rows = await prisma().outboxMessage.findMany({ where: { organisationId: scope.organisationId }, orderBy: { createdAt: "desc" }, take: limit });
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

/** Messages waiting for SMTP, oldest first, at most `limit`, claimed by bumping their attempts. */
export async function claimPendingEmails(maxAttempts: number, limit = 20): Promise<{ id: string; toEmail: string; subject: string; body: string; attempts: number }[]> {
  const rows = await prisma().outboxMessage.findMany({ where: { status: "pending", attempts: { lt: maxAttempts } }, orderBy: { createdAt: "asc" }, take: limit });
  const claimed: { id: string; toEmail: string; subject: string; body: string; attempts: number }[] = [];
  for (const row of rows) {
    // another instance may deliver the same row: only the one that bumps the attempt it read sends
    const won = await prisma().outboxMessage.updateMany({ where: { id: row.id, attempts: row.attempts, status: "pending" }, data: { attempts: row.attempts + 1 } });
    if (won.count !== 1) continue;
    const body = bodyToSend(row);
    // sealed with another session secret (it was changed): sending it without its link would mislead
    if (body === null) await markEmailFailed(row.id, "its link was sealed with another session secret; resend the invitation for a new one", true);
    else claimed.push({ id: row.id, toEmail: row.toEmail, subject: row.subject, body, attempts: row.attempts + 1 });
  }
  return claimed;
}

export async function markEmailSent(id: string): Promise<void> {
  // delivered: the secret has no reason to stay, even sealed
  await prisma().outboxMessage.update({ where: { id }, data: { status: "sent", sentAt: new Date(), error: null, sealed: null } });
}

export async function markEmailFailed(id: string, error: string, final: boolean): Promise<void> {
  await prisma().outboxMessage.update({ where: { id }, data: { error: error.slice(0, 500), ...(final ? { status: "failed", sealed: null } : {}) } });
}
