import { appendAuditEvent } from "../audit/chain";
import { prisma, transaction } from "../prisma-client";
import { DataRefusal } from "../refusal";

// A user's own account: the password, and the session epoch that ends every session begun before
// a change. Deactivation (client/users.ts, organisation/team.ts) moves the epoch too.

export class AccountRefusal extends DataRefusal<"NOT_FOUND" | "SESSION_ENDED" | "SAME_PASSWORD"> {
  override name = "AccountRefusal";
}

export const SESSION_ENDED_MESSAGE =
  "Your session has ended (signed out, password changed or account deactivated). Sign in again.";

/** What changing one's password needs to know first: the email (for the throttle) and the current hash. */
export async function passwordCheckOf(userId: string, epoch: number): Promise<{ email: string; passwordHash: string }> {
  const account = await prisma().user.findFirst({
    where: { id: userId, sessionEpoch: epoch, deactivatedAt: null },
    select: { email: true, passwordHash: true },
  });
  if (!account) throw new AccountRefusal("SESSION_ENDED", [SESSION_ENDED_MESSAGE]);
  return account;
}

/**
 * Sets a new password and moves the session epoch, so every session of this user, this one
 * included, stops working; the caller signs in again with the new password. Refused when the
 * session ended meanwhile (another change won).
 */
export async function setOwnPassword(userId: string, epoch: number, passwordHash: string): Promise<{ epoch: number }> {
  return transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: userId, deactivatedAt: null },
      select: { organisationId: true, sessionEpoch: true },
    });
    if (!user) throw new AccountRefusal("NOT_FOUND", ["account not found"]);
    const updated = await tx.user.updateMany({
      where: { id: userId, sessionEpoch: epoch },
      data: { passwordHash, sessionEpoch: epoch + 1 },
    });
    if (updated.count !== 1)
      throw new AccountRefusal("SESSION_ENDED", [
        "this session ended while the password was being changed; sign in again",
      ]);
    await appendAuditEvent(tx, {
      organisationId: user.organisationId,
      actorKind: "user",
      actorId: userId,
      action: "user.password_changed",
      entityType: "user",
      entityId: userId,
      before: { sessionEpoch: epoch },
      after: { sessionEpoch: epoch + 1 },
    });
    return { epoch: epoch + 1 };
  });
}
