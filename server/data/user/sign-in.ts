import type { Prisma } from "@prisma/client";
import type { Locale } from "../../domain/locale";
import {
  decideLoginAttempt,
  LOGIN_WINDOW_MS,
  type FailureCount,
  type RecentFailures,
} from "../../domain/login-throttle";
import type { SessionRole } from "../../domain/roles";
import { appendAuditEvent } from "../audit/chain";
import { prisma, transaction, type Tx } from "../prisma-client";
import { AccountRefusal } from "./password";
import { lockKeys } from "../row-lock";

export interface SignInCandidate {
  id: string;
  passwordHash: string;
  role: SessionRole;
  sessionEpoch: number;
}

// no account is no refusal: sign-in answers "invalid" the same way for every failure
/** The account behind an email, if it is active and has a role (consultant or client user). */
export async function findSignInCandidate(email: string): Promise<SignInCandidate | null> {
  const user = await prisma().user.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
      deactivatedAt: true,
      sessionEpoch: true,
      membership: { select: { role: true } },
      clientUser: { select: { role: true } },
    },
  });
  if (!user || user.deactivatedAt) return null;
  const role = user.membership?.role ?? user.clientUser?.role;
  return role ? { id: user.id, passwordHash: user.passwordHash, role, sessionEpoch: user.sessionEpoch } : null;
}

async function failuresSince(tx: Tx, where: Prisma.LoginAttemptWhereInput): Promise<FailureCount> {
  const result = await tx.loginAttempt.aggregate({
    where: { ...where, succeeded: false },
    _count: { _all: true },
    _max: { at: true },
  });
  return { count: result._count._all, lastAt: result._max.at };
}

export type LoginClaim = { allowed: true; attemptId: string } | { allowed: false; retryAfterMs: number };

/**
 * Decides whether an attempt may check a password and, if so, records it as a failure before the
 * password is checked: attempts for one account or address are decided one at a time (advisory
 * locks on both), so N simultaneous guesses count as N. A success is marked afterwards.
 */
export async function claimLoginAttempt(email: string, ip: string, now = new Date()): Promise<LoginClaim> {
  return transaction(async (tx) => {
    await lockKeys(tx, [`login-account:${email}`, `login-address:${ip}`]);
    const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
    const lastSuccess = await tx.loginAttempt.findFirst({
      where: { email, succeeded: true, at: { gte: windowStart } },
      orderBy: { at: "desc" },
      select: { at: true },
    });
    const accountSince = lastSuccess?.at ?? windowStart;
    const failures: RecentFailures = {
      accountFromAddress: await failuresSince(tx, { email, ip, at: { gt: accountSince } }),
      address: await failuresSince(tx, { ip, at: { gte: windowStart } }),
      account: await failuresSince(tx, { email, at: { gt: accountSince } }),
    };
    const decision = decideLoginAttempt(failures, now);
    if (!decision.allowed) return { allowed: false, retryAfterMs: decision.retryAfterMs };
    const attempt = await tx.loginAttempt.create({
      data: { email, ip, succeeded: false, at: now },
      select: { id: true },
    });
    return { allowed: true, attemptId: attempt.id };
  });
}

export async function markLoginSucceeded(attemptId: string): Promise<void> {
  await prisma().loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

/** Attempts older than the window serve no decision; dropping them keeps the table small. */
export async function pruneLoginAttempts(before: Date): Promise<void> {
  await prisma().loginAttempt.deleteMany({ where: { at: { lt: before } } });
}

/** How many failures are on record for an account (tests of the throttle). */
export async function countLoginFailures(email: string): Promise<number> {
  return prisma().loginAttempt.count({ where: { email, succeeded: false } });
}

export interface Me {
  id: string;
  name: string;
  email: string;
  locale: Locale | null;
  organisationName: string;
  clientName: string | null;
}

const inactive = () => new AccountRefusal("SESSION_ENDED", ["Your account is no longer active."]);

/** The language a signed-in user chose, if any; a stale session simply has no preference. */
export async function userLocale(userId: string): Promise<Locale | null> {
  const user = await prisma().user.findFirst({ where: { id: userId, deactivatedAt: null }, select: { locale: true } });
  return user?.locale === "en" || user?.locale === "zh-CN" ? user.locale : null;
}

export async function getActiveUser(userId: string): Promise<Me> {
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
  if (!user) throw inactive();
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
export async function setUserLocale(userId: string, locale: Locale | null): Promise<void> {
  return transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: userId, deactivatedAt: null },
      select: { organisationId: true, locale: true },
    });
    if (!user) throw inactive();
    if (user.locale === locale) return;
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
  });
}

/** Forgets every recorded attempt (tests, and an operator unlocking accounts after an incident). */
export async function clearLoginAttempts(): Promise<void> {
  await prisma().loginAttempt.deleteMany({});
}
