import {
  invitationStatus,
  invitationTokenHash,
  type InvitationRole,
  type InvitationStatus,
} from "../../domain/invitation";
import { appendAuditEvent } from "../audit/chain";
import { prisma, transaction } from "../prisma-client";
import { DataRefusal } from "../refusal";

// What an invitee can do before having an account: look at the invitation and accept it. The
// token is the only credential; it works once.

export interface InvitationPreview {
  status: InvitationStatus | "unknown";
  email: string | null;
  organisation: string | null;
  /** null for an invitation to join as a consultant */
  client: string | null;
  role: InvitationRole | null;
}

const UNKNOWN: InvitationPreview = { status: "unknown", email: null, organisation: null, client: null, role: null };

/** What the invitation page shows; an unknown or unusable token reveals nothing more than its status. */
export async function previewInvitation(token: string, now = new Date()): Promise<InvitationPreview> {
  const row = await prisma().invitation.findUnique({
    where: { tokenHash: invitationTokenHash(token) },
    include: { client: { select: { name: true } }, organisation: { select: { name: true } } },
  });
  if (!row) return UNKNOWN;
  const status = invitationStatus(row, now);
  if (status !== "pending") return { ...UNKNOWN, status };
  return {
    status,
    email: row.email,
    organisation: row.organisation.name,
    client: row.client?.name ?? null,
    role: row.role as InvitationRole,
  };
}

export type UnusableStatus = Exclude<InvitationStatus, "pending"> | "unknown" | "EMAIL_TAKEN";

const UNUSABLE_REASONS: Record<UnusableStatus, string> = {
  unknown: "this invitation link is not valid",
  expired: "this invitation has expired; ask for a new one",
  revoked: "this invitation was withdrawn",
  accepted: "this invitation was already used; sign in instead",
  EMAIL_TAKEN: "an account with this email already exists; sign in instead",
};

/** An invitation that cannot be used: an unknown link is not found, any other is gone. */
export class InvitationRefusal extends DataRefusal<"NOT_FOUND" | "GONE"> {
  override name = "InvitationRefusal";
  constructor(readonly status: UnusableStatus) {
    super(status === "unknown" ? "NOT_FOUND" : "GONE", [UNUSABLE_REASONS[status]]);
  }
}

/**
 * Accepts a pending invitation: the row is claimed with a conditional update, so two clicks (or
 * two tabs) cannot both create a user; then the user and its client membership (or its
 * membership of the organisation, for a consultant) are created, with the audit event.
 */
export async function acceptInvitation(
  token: string,
  input: { name: string; passwordHash: string },
  now = new Date(),
): Promise<{ email: string }> {
  return transaction(async (tx) => {
    const row = await tx.invitation.findUnique({ where: { tokenHash: invitationTokenHash(token) } });
    if (!row) throw new InvitationRefusal("unknown");
    const status = invitationStatus(row, now);
    if (status !== "pending") throw new InvitationRefusal(status);
    // checked before the claim: an answer that changes nothing must leave the invitation usable
    if (await tx.user.findUnique({ where: { email: row.email }, select: { id: true } }))
      throw new InvitationRefusal("EMAIL_TAKEN");
    const claimed = await tx.invitation.updateMany({
      where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new InvitationRefusal("accepted");
    const consultant = row.clientId === null;
    const user = await tx.user.create({
      data: {
        organisationId: row.organisationId,
        email: row.email,
        name: input.name,
        passwordHash: input.passwordHash,
        kind: consultant ? "consultant" : "client",
      },
    });
    const member = consultant
      ? await tx.membership.create({
          data: { organisationId: row.organisationId, userId: user.id, role: "consultant" },
        })
      : await tx.clientUser.create({
          data: {
            organisationId: row.organisationId,
            clientId: row.clientId!,
            userId: user.id,
            role: row.role === "approver" ? "approver" : "viewer",
          },
        });
    await tx.invitation.update({ where: { id: row.id }, data: { userId: user.id } });
    await appendAuditEvent(tx, {
      organisationId: row.organisationId,
      actorKind: "user",
      actorId: user.id,
      action: "invitation.accepted",
      entityType: consultant ? "membership" : "client_user",
      entityId: member.id,
      after: { email: row.email, role: row.role, clientId: row.clientId, invitationId: row.id },
    });
    return { email: row.email };
  });
}
