import { randomBytes } from "node:crypto";
import { invitationEmail, withheldLinkText } from "../../domain/emails";
import {
  invitationExpiry,
  invitationStatus,
  invitationTokenHash,
  type InvitationRole,
  type InvitationStatus,
} from "../../domain/invitation";
import type { Locale } from "../../domain/locale";
import { appendUserAuditEvent } from "../audit/chain";
import { prisma, transaction, type Tx } from "../prisma-client";
import { enqueueEmail } from "../notification/outbox";
import { DataRefusal, NotFound } from "../refusal";
import type { OrgScope } from "../scope";

// People join by invitation: a consultant invites an email address for one client with a role,
// an owner invites a consultant of the organisation. The link's token is stored only as its
// SHA-256; the link itself is answered once to whoever sent the invitation and never kept
// readable (the outbox shows it withheld and keeps it sealed only until SMTP delivers it).
// Resending makes a new link; the old one stops working. Accepting: accept.ts.

export interface InvitationView {
  id: string;
  email: string;
  role: InvitationRole;
  status: InvitationStatus;
  expiresAt: string;
  sentCount: number;
  lastSentAt: string;
  createdAt: string;
}

/** An invitation just made or resent, with its link: shown once, never stored. */
export interface SentInvitation {
  invitation: InvitationView;
  link: string;
}

export interface Delivery {
  /** the app's origin for the link, e.g. https://tollgate.example.com */
  origin: string;
  smtpConfigured: boolean;
  now?: Date;
}

type InvitationRefusalCode = "NOT_FOUND" | "EMAIL_TAKEN" | "ALREADY_INVITED" | "NOT_PENDING" | "FORBIDDEN";

export class InvitationRefusal extends DataRefusal<InvitationRefusalCode> {
  override name = "InvitationRefusal";
}

type InvitationRow = {
  id: string;
  email: string;
  role: string;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  sentCount: number;
  lastSentAt: Date;
  createdAt: Date;
};

const view = (row: InvitationRow, now: Date): InvitationView => ({
  id: row.id,
  email: row.email,
  role: row.role as InvitationRole,
  status: invitationStatus(row, now),
  expiresAt: row.expiresAt.toISOString(),
  sentCount: row.sentCount,
  lastSentAt: row.lastSentAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
});

const newToken = () => `inv_${randomBytes(32).toString("base64url")}`;

async function sendInvitation(
  tx: Tx,
  scope: OrgScope,
  invitation: { email: string; role: InvitationRole; clientName: string | null; expiresAt: Date },
  token: string,
  delivery: Delivery,
): Promise<string> {
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: scope.organisationId },
    select: { name: true, locale: true },
  });
  const locale: Locale = organisation.locale === "zh-CN" ? "zh-CN" : "en";
  const link = `${delivery.origin}/invite/${token}`;
  const email = invitationEmail(locale, {
    organisation: organisation.name,
    client: invitation.clientName,
    role: invitation.role,
    link,
    expiresAt: invitation.expiresAt.toISOString().slice(0, 16).replace("T", " ") + " UTC",
  });
  await enqueueEmail(tx, scope.organisationId, invitation.email, "invitation", email, delivery.smtpConfigured, {
    secret: link,
    shownAs: withheldLinkText(locale),
  });
  return link;
}

async function createInvitation(
  tx: Tx,
  scope: OrgScope,
  input: { clientId: string | null; clientName: string | null; email: string; role: InvitationRole },
  delivery: Delivery,
  now: Date,
): Promise<SentInvitation> {
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new InvitationRefusal("EMAIL_TAKEN", [`${input.email} already has an account`]);
  }
  const open = await tx.invitation.findFirst({
    where: {
      organisationId: scope.organisationId,
      clientId: input.clientId,
      email: input.email,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
    },
  });
  if (open)
    throw new InvitationRefusal("ALREADY_INVITED", [`${input.email} has a pending invitation; resend or revoke it`]);
  const token = newToken();
  const row = await tx.invitation.create({
    data: {
      organisationId: scope.organisationId,
      clientId: input.clientId,
      email: input.email,
      role: input.role,
      tokenHash: invitationTokenHash(token),
      expiresAt: invitationExpiry(now),
      invitedById: scope.userId,
      lastSentAt: now,
      createdAt: now,
    },
  });
  const link = await sendInvitation(
    tx,
    scope,
    { email: input.email, role: input.role, clientName: input.clientName, expiresAt: row.expiresAt },
    token,
    delivery,
  );
  await appendUserAuditEvent(tx, scope, {
    action: "invitation.created",
    entityType: "invitation",
    entityId: row.id,
    after: { email: input.email, role: input.role, clientId: input.clientId, expiresAt: row.expiresAt.toISOString() },
  });
  return { invitation: view(row, now), link };
}

export async function inviteClientUser(
  scope: OrgScope,
  input: { clientId: string; email: string; role: "approver" | "viewer" },
  delivery: Delivery,
): Promise<SentInvitation> {
  const now = delivery.now ?? new Date();
  return transaction(async (tx) => {
    const client = await tx.client.findFirst({
      where: { id: input.clientId, organisationId: scope.organisationId },
      select: { id: true, name: true },
    });
    if (!client) throw new NotFound("Client");
    return createInvitation(
      tx,
      scope,
      { clientId: client.id, clientName: client.name, email: input.email.trim().toLowerCase(), role: input.role },
      delivery,
      now,
    );
  });
}

/** Owners only: a consultant of the organisation, with the same access as every consultant. */
export async function inviteConsultant(
  scope: OrgScope,
  input: { email: string },
  delivery: Delivery,
): Promise<SentInvitation> {
  if (scope.role !== "owner")
    throw new InvitationRefusal("FORBIDDEN", ["only the organisation's owner adds consultants"]);
  const now = delivery.now ?? new Date();
  return transaction((tx) =>
    createInvitation(
      tx,
      scope,
      { clientId: null, clientName: null, email: input.email.trim().toLowerCase(), role: "consultant" },
      delivery,
      now,
    ),
  );
}

/** Consultant invitations are the owner's to manage; client invitations any consultant's. */
function mayManage(scope: OrgScope, row: { clientId: string | null }): boolean {
  return row.clientId !== null || scope.role === "owner";
}

/** A new link (the old one stops working) and a fresh expiry for a pending or expired invitation. */
export async function resendInvitation(
  scope: OrgScope,
  invitationId: string,
  delivery: Delivery,
): Promise<SentInvitation> {
  const now = delivery.now ?? new Date();
  return transaction(async (tx) => {
    const row = await tx.invitation.findFirst({
      where: { id: invitationId, organisationId: scope.organisationId },
      include: { client: { select: { name: true } } },
    });
    if (!row) throw new NotFound("Invitation");
    if (!mayManage(scope, row))
      throw new InvitationRefusal("FORBIDDEN", ["only the organisation's owner manages consultant invitations"]);
    if (row.acceptedAt || row.revokedAt)
      throw new InvitationRefusal("NOT_PENDING", [
        `the invitation was ${row.acceptedAt ? "accepted" : "revoked"}; it cannot be resent`,
      ]);
    const token = newToken();
    const updated = await tx.invitation.update({
      where: { id: row.id },
      data: {
        tokenHash: invitationTokenHash(token),
        expiresAt: invitationExpiry(now),
        sentCount: { increment: 1 },
        lastSentAt: now,
      },
    });
    const link = await sendInvitation(
      tx,
      scope,
      {
        email: row.email,
        role: row.role as InvitationRole,
        clientName: row.client?.name ?? null,
        expiresAt: updated.expiresAt,
      },
      token,
      delivery,
    );
    await appendUserAuditEvent(tx, scope, {
      action: "invitation.resent",
      entityType: "invitation",
      entityId: row.id,
      before: { expiresAt: row.expiresAt.toISOString(), sentCount: row.sentCount },
      after: { expiresAt: updated.expiresAt.toISOString(), sentCount: updated.sentCount },
    });
    return { invitation: view(updated, now), link };
  });
}

export async function revokeInvitation(
  scope: OrgScope,
  invitationId: string,
  now = new Date(),
): Promise<InvitationView> {
  return transaction(async (tx) => {
    const row = await tx.invitation.findFirst({ where: { id: invitationId, organisationId: scope.organisationId } });
    if (!row) throw new NotFound("Invitation");
    if (!mayManage(scope, row))
      throw new InvitationRefusal("FORBIDDEN", ["only the organisation's owner manages consultant invitations"]);
    if (row.acceptedAt)
      throw new InvitationRefusal("NOT_PENDING", ["the invitation was accepted; deactivate the user instead"]);
    if (row.revokedAt) return view(row, now);
    const updated = await tx.invitation.update({ where: { id: row.id }, data: { revokedAt: now } });
    await appendUserAuditEvent(tx, scope, {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: row.id,
      after: { revokedAt: now.toISOString() },
    });
    return view(updated, now);
  });
}

/** A client's invitations, or (clientId null) the organisation's consultant invitations. */
export async function listInvitations(
  scope: OrgScope,
  clientId: string | null,
  now = new Date(),
): Promise<InvitationView[]> {
  const rows = await prisma().invitation.findMany({
    where: { organisationId: scope.organisationId, clientId },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((row) => view(row, now));
}
