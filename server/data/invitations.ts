import { randomBytes } from "node:crypto";
import { invitationEmail } from "../domain/emails";
import { invitationExpiry, invitationStatus, invitationTokenHash, type InvitationStatus } from "../domain/invitation";
import type { Locale } from "../domain/locale";
import { appendAuditEvent, appendUserAuditEvent } from "./audit";
import { prisma, transaction, type Tx } from "./client";
import { enqueueEmail } from "./outbox";
import type { OrgScope } from "./scope";

// Client users join by invitation: a consultant invites an email address for one client with a
// role; the link's token is stored only as its SHA-256, works once, and expires. Accepting creates
// the user and its client membership in one transaction with the audit event.

export interface InvitationView {
  id: string;
  email: string;
  role: "approver" | "viewer";
  status: InvitationStatus;
  expiresAt: string;
  sentCount: number;
  lastSentAt: string;
  createdAt: string;
}

export interface Delivery {
  /** the app's origin for the link, e.g. https://tollgate.example.com */
  origin: string;
  smtpConfigured: boolean;
  now?: Date;
}

export type InviteOutcome = { ok: true; invitation: InvitationView } | { ok: false; code: "NOT_FOUND" | "EMAIL_TAKEN" | "ALREADY_INVITED" | "NOT_PENDING"; reasons: string[] };

type InvitationRow = { id: string; email: string; role: "approver" | "viewer"; acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date; sentCount: number; lastSentAt: Date; createdAt: Date };

const view = (row: InvitationRow, now: Date): InvitationView => ({
  id: row.id,
  email: row.email,
  role: row.role,
  status: invitationStatus(row, now),
  expiresAt: row.expiresAt.toISOString(),
  sentCount: row.sentCount,
  lastSentAt: row.lastSentAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
});

const newToken = () => `inv_${randomBytes(32).toString("base64url")}`;

async function sendInvitation(tx: Tx, scope: OrgScope, invitation: { email: string; role: "approver" | "viewer"; clientName: string; expiresAt: Date }, token: string, delivery: Delivery) {
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: scope.organisationId }, select: { name: true, locale: true } });
  const locale: Locale = organisation.locale === "zh-CN" ? "zh-CN" : "en";
  const email = invitationEmail(locale, {
    organisation: organisation.name,
    client: invitation.clientName,
    role: invitation.role,
    link: `${delivery.origin}/invite/${token}`,
    expiresAt: invitation.expiresAt.toISOString().slice(0, 16).replace("T", " ") + " UTC",
  });
  await enqueueEmail(tx, scope.organisationId, invitation.email, "invitation", email, delivery.smtpConfigured);
}

export async function inviteClientUser(scope: OrgScope, input: { clientId: string; email: string; role: "approver" | "viewer" }, delivery: Delivery): Promise<InviteOutcome> {
  const now = delivery.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  return transaction(async (tx) => {
    const client = await tx.client.findFirst({ where: { id: input.clientId, organisationId: scope.organisationId }, select: { id: true, name: true } });
    if (!client) return { ok: false, code: "NOT_FOUND", reasons: ["client not found"] };
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      return { ok: false, code: "EMAIL_TAKEN", reasons: [`${email} already has an account`] };
    }
    const open = await tx.invitation.findFirst({ where: { organisationId: scope.organisationId, clientId: client.id, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } });
    if (open) return { ok: false, code: "ALREADY_INVITED", reasons: [`${email} has a pending invitation; resend or revoke it`] };
    const token = newToken();
    const row = await tx.invitation.create({
      data: { organisationId: scope.organisationId, clientId: client.id, email, role: input.role, tokenHash: invitationTokenHash(token), expiresAt: invitationExpiry(now), invitedById: scope.userId, lastSentAt: now, createdAt: now },
    });
    await sendInvitation(tx, scope, { email, role: input.role, clientName: client.name, expiresAt: row.expiresAt }, token, delivery);
    await appendUserAuditEvent(tx, scope, {
      action: "invitation.created",
      entityType: "invitation",
      entityId: row.id,
      after: { email, role: input.role, clientId: client.id, expiresAt: row.expiresAt.toISOString() },
    });
    return { ok: true, invitation: view(row, now) };
  });
}

/** A new link (the old one stops working) and a fresh expiry for a pending or expired invitation. */
export async function resendInvitation(scope: OrgScope, invitationId: string, delivery: Delivery): Promise<InviteOutcome> {
  const now = delivery.now ?? new Date();
  return transaction(async (tx) => {
    const row = await tx.invitation.findFirst({ where: { id: invitationId, organisationId: scope.organisationId }, include: { client: { select: { name: true } } } });
    if (!row) return { ok: false, code: "NOT_FOUND", reasons: ["invitation not found"] };
    if (row.acceptedAt || row.revokedAt) return { ok: false, code: "NOT_PENDING", reasons: [`the invitation was ${row.acceptedAt ? "accepted" : "revoked"}; it cannot be resent`] };
    const token = newToken();
    const updated = await tx.invitation.update({
      where: { id: row.id },
      data: { tokenHash: invitationTokenHash(token), expiresAt: invitationExpiry(now), sentCount: { increment: 1 }, lastSentAt: now },
    });
    await sendInvitation(tx, scope, { email: row.email, role: row.role, clientName: row.client.name, expiresAt: updated.expiresAt }, token, delivery);
    await appendUserAuditEvent(tx, scope, {
      action: "invitation.resent",
      entityType: "invitation",
      entityId: row.id,
      before: { expiresAt: row.expiresAt.toISOString(), sentCount: row.sentCount },
      after: { expiresAt: updated.expiresAt.toISOString(), sentCount: updated.sentCount },
    });
    return { ok: true, invitation: view(updated, now) };
  });
}

export async function revokeInvitation(scope: OrgScope, invitationId: string, now = new Date()): Promise<InviteOutcome> {
  return transaction(async (tx) => {
    const row = await tx.invitation.findFirst({ where: { id: invitationId, organisationId: scope.organisationId } });
    if (!row) return { ok: false, code: "NOT_FOUND", reasons: ["invitation not found"] };
    if (row.acceptedAt) return { ok: false, code: "NOT_PENDING", reasons: ["the invitation was accepted; deactivate the user instead"] };
    if (row.revokedAt) return { ok: true, invitation: view(row, now) };
    const updated = await tx.invitation.update({ where: { id: row.id }, data: { revokedAt: now } });
    await appendUserAuditEvent(tx, scope, {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: row.id,
      after: { revokedAt: now.toISOString() },
    });
    return { ok: true, invitation: view(updated, now) };
  });
}

export async function listInvitations(scope: OrgScope, clientId: string, now = new Date()): Promise<InvitationView[]> {
  const rows = await prisma().invitation.findMany({ where: { organisationId: scope.organisationId, clientId }, orderBy: { createdAt: "desc" } });
  return rows.map((row) => view(row, now));
}

export interface InvitationPreview {
  status: InvitationStatus | "unknown";
  email: string | null;
  organisation: string | null;
  client: string | null;
  role: "approver" | "viewer" | null;
}

/** What the invitation page shows; an unknown token reveals nothing. */
export async function previewInvitation(token: string, now = new Date()): Promise<InvitationPreview> {
  const row = await prisma().invitation.findUnique({
    where: { tokenHash: invitationTokenHash(token) },
    include: { client: { select: { name: true } }, organisation: { select: { name: true } } },
  });
  if (!row) return { status: "unknown", email: null, organisation: null, client: null, role: null };
  const status = invitationStatus(row, now);
  if (status !== "pending") return { status, email: null, organisation: null, client: null, role: null };
  return { status, email: row.email, organisation: row.organisation.name, client: row.client.name, role: row.role };
}

export type AcceptOutcome = { ok: true; email: string } | { ok: false; status: InvitationStatus | "unknown" | "EMAIL_TAKEN" };

/**
 * Accepts a pending invitation: the row is claimed with a conditional update, so two clicks (or
 * two tabs) cannot both create a user; then the user and client membership are created.
 */
export async function acceptInvitation(token: string, input: { name: string; passwordHash: string }, now = new Date()): Promise<AcceptOutcome> {
  return transaction(async (tx) => {
    const row = await tx.invitation.findUnique({ where: { tokenHash: invitationTokenHash(token) } });
    if (!row) return { ok: false, status: "unknown" };
    const status = invitationStatus(row, now);
    if (status !== "pending") return { ok: false, status };
    // checked before the claim: an answer that changes nothing must leave the invitation usable
    if (await tx.user.findUnique({ where: { email: row.email }, select: { id: true } })) return { ok: false, status: "EMAIL_TAKEN" };
    const claimed = await tx.invitation.updateMany({ where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
    if (claimed.count !== 1) return { ok: false, status: "accepted" };
    const user = await tx.user.create({ data: { organisationId: row.organisationId, email: row.email, name: input.name, passwordHash: input.passwordHash, kind: "client" } });
    const clientUser = await tx.clientUser.create({ data: { organisationId: row.organisationId, clientId: row.clientId, userId: user.id, role: row.role } });
    await tx.invitation.update({ where: { id: row.id }, data: { userId: user.id } });
    await appendAuditEvent(tx, {
      organisationId: row.organisationId,
      actorKind: "user",
      actorId: user.id,
      action: "invitation.accepted",
      entityType: "client_user",
      entityId: clientUser.id,
      after: { email: row.email, role: row.role, clientId: row.clientId, invitationId: row.id },
    });
    return { ok: true, email: row.email };
  });
}
