import type { Locale } from "../domain/locale";
import type { SessionRole } from "../domain/roles";
import { appendAuditEvent } from "./audit";
import { prisma, transaction } from "./client";

export interface SignInCandidate {
  id: string;
  passwordHash: string;
  role: SessionRole;
}

/** The account behind an email, if it is active and has a role (consultant or client user). */
export async function findSignInCandidate(email: string): Promise<SignInCandidate | null> {
  const user = await prisma().user.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
      deactivatedAt: true,
      membership: { select: { role: true } },
      clientUser: { select: { role: true } },
    },
  });
  if (!user || user.deactivatedAt) return null;
  const role = user.membership?.role ?? user.clientUser?.role;
  return role ? { id: user.id, passwordHash: user.passwordHash, role } : null;
}

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  await prisma().loginAttempt.create({ data: { email, ip, succeeded } });
}

/** Failed attempts inside the window and after the account's last success. */
export async function countRecentFailures(email: string, ip: string, since: Date) {
  const lastSuccess = await prisma().loginAttempt.findFirst({
    where: { email, succeeded: true, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const accountSince = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
  const [forAccount, forIp] = await Promise.all([
    prisma().loginAttempt.count({ where: { email, succeeded: false, at: { gt: accountSince } } }),
    prisma().loginAttempt.count({ where: { ip, succeeded: false, at: { gte: since } } }),
  ]);
  return { forAccount, forIp };
}

/** Attempts older than the window serve no decision; dropping them keeps the table small. */
export async function pruneLoginAttempts(before: Date): Promise<void> {
  await prisma().loginAttempt.deleteMany({ where: { at: { lt: before } } });
}

export interface Me {
  id: string;
  name: string;
  email: string;
  locale: Locale | null;
  organisationName: string;
  clientName: string | null;
}

export async function getActiveUser(userId: string): Promise<Me | null> {
  const user = await prisma().user.findFirst({
    where: { id: userId, deactivatedAt: null },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      organisation: { select: { name: true } },
      clientUser: { select: { client: { select: { name: true } } } },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale === "en" || user.locale === "zh-CN" ? user.locale : null,
    organisationName: user.organisation.name,
    clientName: user.clientUser?.client.name ?? null,
  };
}

/** Stores the user's language; null returns to following the browser. */
export async function setUserLocale(userId: string, locale: Locale | null): Promise<boolean> {
  return transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deactivatedAt: null }, select: { organisationId: true, locale: true } });
    if (!user) return false;
    if (user.locale === locale) return true;
    await tx.user.update({ where: { id: userId }, data: { locale } });
    await appendAuditEvent(tx, {
      organisationId: user.organisationId,
      actorKind: "user",
      actorId: userId,
      action: "user.locale_changed",
      entityType: "user",
      entityId: userId,
      data: { from: user.locale, to: locale },
    });
    return true;
  });
}

/** Forgets every recorded attempt (tests, and an operator unlocking accounts after an incident). */
export async function clearLoginAttempts(): Promise<void> {
  await prisma().loginAttempt.deleteMany({});
}
