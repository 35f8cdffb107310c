import { appendUserAuditEvent } from "../audit/chain";
import { prisma, transaction } from "../prisma-client";
import type { OrgScope } from "../scope";
import { NotFound } from "../refusal";

// A client's portal users as the consultant manages them. Deactivation takes effect at once:
// every procedure resolves the caller's scope from the database and refuses a deactivated user.

export interface ClientUserView {
  id: string;
  name: string;
  email: string;
  role: "approver" | "viewer";
  active: boolean;
  createdAt: string;
}

export interface ClientDetail {
  id: string;
  name: string;
  legalName: string | null;
  users: ClientUserView[];
}

export async function findOrgClient(scope: OrgScope, clientId: string): Promise<ClientDetail> {
  const client = await prisma().client.findFirst({
    where: { id: clientId, organisationId: scope.organisationId },
    include: {
      users: {
        include: { user: { select: { name: true, email: true, deactivatedAt: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!client) throw new NotFound("Client");
  return {
    id: client.id,
    name: client.name,
    legalName: client.legalName,
    users: client.users.map((u) => ({
      id: u.id,
      name: u.user.name,
      email: u.user.email,
      role: u.role,
      active: u.user.deactivatedAt === null,
      createdAt: u.createdAt.toISOString(),
    })),
  };
}

export async function deactivateClientUser(scope: OrgScope, clientUserId: string, now = new Date()): Promise<void> {
  return transaction(async (tx) => {
    const row = await tx.clientUser.findFirst({
      where: { id: clientUserId, organisationId: scope.organisationId },
      include: { user: { select: { id: true, deactivatedAt: true } } },
    });
    if (!row) throw new NotFound("Client user");
    if (row.user.deactivatedAt) return;
    await tx.user.update({ where: { id: row.user.id }, data: { deactivatedAt: now, sessionEpoch: { increment: 1 } } });
    await appendUserAuditEvent(tx, scope, {
      action: "client_user.deactivated",
      entityType: "client_user",
      entityId: row.id,
      before: { active: true },
      after: { active: false },
    });
  });
}
