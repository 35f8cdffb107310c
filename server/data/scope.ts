import { prisma } from "./prisma-client";

// Proof that a tenant check ran: only this module creates scopes, after reading the membership
// (or client user) from the database, so a procedure cannot invent an organisation id.
declare const checked: unique symbol;

export type OrgScope = {
  readonly organisationId: string;
  readonly userId: string;
  readonly role: "owner" | "consultant";
  readonly [checked]: "org";
};

export type ClientScope = {
  readonly organisationId: string;
  readonly clientId: string;
  readonly clientUserId: string;
  readonly userId: string;
  readonly role: "approver" | "viewer";
  readonly [checked]: "client";
};

/** A CI pipeline's API token: one engagement of one organisation, no user behind it. */
export type TokenScope = {
  readonly organisationId: string;
  readonly engagementId: string;
  readonly tokenId: string;
  readonly [checked]: "token";
};

export type ActorScope = OrgScope | ClientScope;

/** What a request's session proves, once checked against the database. */
export type SessionScope = { kind: "org"; scope: OrgScope } | { kind: "client"; scope: ClientScope };

/** Who may attach evidence: a consultant, a pipeline token limited to its engagement, or a client's user attesting. */
export type EvidenceWriter = OrgScope | TokenScope | ClientScope;

export function asTokenScope(row: { organisationId: string; engagementId: string; tokenId: string }): TokenScope {
  return row as TokenScope;
}

export async function resolveOrgScope(userId: string): Promise<OrgScope | null> {
  const membership = await prisma().membership.findFirst({
    where: { userId, user: { deactivatedAt: null } },
    select: { organisationId: true, role: true },
  });
  if (!membership) return null;
  return { organisationId: membership.organisationId, userId, role: membership.role } as OrgScope;
}

export async function resolveClientScope(userId: string): Promise<ClientScope | null> {
  const clientUser = await prisma().clientUser.findFirst({
    where: { userId, user: { deactivatedAt: null } },
    select: { id: true, organisationId: true, clientId: true, role: true },
  });
  if (!clientUser) return null;
  return {
    organisationId: clientUser.organisationId,
    clientId: clientUser.clientId,
    clientUserId: clientUser.id,
    userId,
    role: clientUser.role,
  } as ClientScope;
}

// a session that no longer stands is no refusal: the caller is simply not signed in
/**
 * The scope a session grants, or null when it no longer stands: the user is gone or deactivated,
 * or the session began before the user's current epoch (a password change or deactivation since).
 * One query for every authenticated request.
 */
export async function resolveSessionScope(claims: { userId: string; epoch: number }): Promise<SessionScope | null> {
  const user = await prisma().user.findFirst({
    where: { id: claims.userId, deactivatedAt: null, sessionEpoch: claims.epoch },
    select: {
      organisationId: true,
      membership: { select: { organisationId: true, role: true } },
      clientUser: { select: { id: true, organisationId: true, clientId: true, role: true } },
    },
  });
  if (!user) return null;
  if (user.membership) {
    return {
      kind: "org",
      scope: {
        organisationId: user.membership.organisationId,
        userId: claims.userId,
        role: user.membership.role,
      } as OrgScope,
    };
  }
  if (user.clientUser) {
    const { id, organisationId, clientId, role } = user.clientUser;
    return {
      kind: "client",
      scope: { organisationId, clientId, clientUserId: id, userId: claims.userId, role } as ClientScope,
    };
  }
  return null;
}
