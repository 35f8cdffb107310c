import type { Email } from "../domain/emails";
import type { Tx } from "./client";
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

export async function enqueueEmail(tx: Tx, organisationId: string, to: string, kind: string, email: Email, smtpConfigured: boolean): Promise<string> {
  const row = await tx.outboxMessage.create({
    data: { organisationId, toEmail: to, subject: email.subject, body: email.body, kind, status: smtpConfigured ? "pending" : "stored" },
    select: { id: true },
  });
  return row.id;
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
    if (won.count === 1) claimed.push({ id: row.id, toEmail: row.toEmail, subject: row.subject, body: row.body, attempts: row.attempts + 1 });
  }
  return claimed;
}

export async function markEmailSent(id: string): Promise<void> {
  await prisma().outboxMessage.update({ where: { id }, data: { status: "sent", sentAt: new Date(), error: null } });
}

export async function markEmailFailed(id: string, error: string, final: boolean): Promise<void> {
  await prisma().outboxMessage.update({ where: { id }, data: { error: error.slice(0, 500), ...(final ? { status: "failed" } : {}) } });
}
