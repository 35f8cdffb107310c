import { appendUserAuditEvent } from "../audit/chain";
import { prisma, transaction } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import type { OrgScope } from "../scope";

// The organisation's consultants as its owner manages them: who they are, and deactivation,
// which ends their sessions at once (their epoch moves and they can no longer sign in).

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: "owner" | "consultant";
  active: boolean;
  createdAt: string;
}

export class TeamRefusal extends DataRefusal<"NOT_FOUND" | "FORBIDDEN"> {
  override name = "TeamRefusal";
}

export async function listMembers(scope: OrgScope): Promise<MemberView[]> {
  const rows = await prisma().membership.findMany({
    where: { organisationId: scope.organisationId },
    select: {
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, deactivatedAt: true } },
    },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  return rows.map((row) => ({
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    active: row.user.deactivatedAt === null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Owners only; the owner cannot be deactivated (the organisation would have nobody to run it). */
export async function deactivateMember(scope: OrgScope, userId: string, now = new Date()): Promise<MemberView> {
  if (scope.role !== "owner")
    throw new TeamRefusal("FORBIDDEN", ["only the organisation's owner deactivates consultants"]);
  return transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { organisationId: scope.organisationId, userId },
      select: {
        role: true,
        createdAt: true,
        user: { select: { id: true, name: true, email: true, deactivatedAt: true } },
      },
    });
    if (!member) throw new NotFound("Consultant");
    if (member.role === "owner") throw new TeamRefusal("FORBIDDEN", ["the owner cannot be deactivated"]);
    const view: MemberView = {
      userId,
      name: member.user.name,
      email: member.user.email,
      role: member.role,
      active: false,
      createdAt: member.createdAt.toISOString(),
    };
    if (member.user.deactivatedAt) return view;
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: now, sessionEpoch: { increment: 1 } } });
    await appendUserAuditEvent(tx, scope, {
      action: "member.deactivated",
      entityType: "user",
      entityId: userId,
      before: { active: true },
      after: { active: false },
    });
    return view;
  });
}
