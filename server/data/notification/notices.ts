import type { NotificationKind } from "../../domain/notifications";
import { awaitingReviewEmail, decisionEmail } from "../../domain/emails";
import { deemedAcceptanceDeadline, type DeemedAcceptanceRule } from "../../domain/deemed-acceptance";
import type { Locale } from "../../domain/locale";
import { appendAuditEvent } from "../audit/chain";
import { prisma, transaction, type Tx } from "../prisma-client";
import { enqueueEmail } from "./outbox";
import { NotFound } from "../refusal";

// Who hears of what: consultants of the organisation when a client decides on a milestone (or it
// is deemed accepted); the client's approvers when a milestone awaits their review. Each gets an
// in-app notice and an email, written in the same transaction as the change.

export type { NotificationKind };

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** null for a notice about a proposal that has no engagement yet */
  engagementId: string | null;
  proposalId: string | null;
  milestoneId: string | null;
  /** an SLA trigger's notice also names the clause, the action and the interval */
  params: {
    milestone: string;
    engagement: string;
    who: string;
    comment: string;
    clause?: string;
    action?: string;
    from?: string;
    to?: string;
    proposal?: string;
  };
  read: boolean;
  createdAt: string;
}

export interface NoticeDelivery {
  origin: string;
  smtpConfigured: boolean;
}

const localeOf = (value: string | null | undefined): Locale => (value === "zh-CN" ? "zh-CN" : "en");

interface MilestoneFacts {
  organisationId: string;
  engagementId: string;
  milestoneId: string;
  clientId: string;
  milestone: string;
  engagement: string;
}

async function milestoneFacts(
  tx: Tx,
  milestoneId: string,
): Promise<MilestoneFacts & { verifiedAt: Date | null; deemedRule: DeemedAcceptanceRule }> {
  const row = await tx.milestone.findUniqueOrThrow({
    where: { id: milestoneId },
    select: {
      id: true,
      title: true,
      organisationId: true,
      verifiedAt: true,
      engagement: {
        select: { id: true, title: true, clientId: true, deemedAcceptanceDays: true, deemedAcceptanceSince: true },
      },
    },
  });
  return {
    organisationId: row.organisationId,
    engagementId: row.engagement.id,
    milestoneId: row.id,
    clientId: row.engagement.clientId,
    milestone: row.title,
    engagement: row.engagement.title,
    verifiedAt: row.verifiedAt,
    deemedRule: { days: row.engagement.deemedAcceptanceDays, since: row.engagement.deemedAcceptanceSince },
  };
}

/** A client's decision (or deemed acceptance) reaches every active consultant of the organisation. */
export async function notifyDecision(
  tx: Tx,
  milestoneId: string,
  decision: "approved" | "changes_requested" | "deemed",
  who: string,
  comment: string,
  delivery: NoticeDelivery,
): Promise<void> {
  const facts = await milestoneFacts(tx, milestoneId);
  const consultants = await tx.user.findMany({
    where: { organisationId: facts.organisationId, kind: "consultant", deactivatedAt: null },
    select: { id: true, email: true, locale: true },
  });
  const params = { milestone: facts.milestone, engagement: facts.engagement, who, comment };
  for (const user of consultants) {
    await tx.notification.create({
      data: {
        organisationId: facts.organisationId,
        userId: user.id,
        kind: decision,
        engagementId: facts.engagementId,
        milestoneId,
        params,
      },
    });
    const email = decisionEmail(localeOf(user.locale), {
      ...params,
      decision,
      link: `${delivery.origin}/engagements/${facts.engagementId}`,
    });
    await enqueueEmail(tx, facts.organisationId, user.email, `milestone.${decision}`, email, delivery.smtpConfigured);
  }
}

/** A verified milestone reaches the client's active approvers, with the deemed-acceptance date if any. */
export async function notifyAwaitingReview(tx: Tx, milestoneId: string, delivery: NoticeDelivery): Promise<void> {
  const facts = await milestoneFacts(tx, milestoneId);
  const approvers = await tx.clientUser.findMany({
    where: {
      organisationId: facts.organisationId,
      clientId: facts.clientId,
      role: "approver",
      user: { deactivatedAt: null },
    },
    select: { user: { select: { id: true, email: true, locale: true } } },
  });
  const deadline = deemedAcceptanceDeadline(facts.verifiedAt, facts.deemedRule);
  const params = { milestone: facts.milestone, engagement: facts.engagement, who: "", comment: "" };
  for (const { user } of approvers) {
    await tx.notification.create({
      data: {
        organisationId: facts.organisationId,
        userId: user.id,
        kind: "awaiting_review",
        engagementId: facts.engagementId,
        milestoneId,
        params,
      },
    });
    const email = awaitingReviewEmail(localeOf(user.locale), {
      milestone: facts.milestone,
      engagement: facts.engagement,
      link: `${delivery.origin}/portal/engagements/${facts.engagementId}/milestones/${milestoneId}`,
      deadline: deadline ? deadline.toISOString().slice(0, 10) : null,
    });
    await enqueueEmail(
      tx,
      facts.organisationId,
      user.email,
      "milestone.awaiting_review",
      email,
      delivery.smtpConfigured,
    );
  }
}

export async function listNotifications(userId: string, limit = 50): Promise<NotificationView[]> {
  const rows = await prisma().notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as NotificationKind,
    engagementId: row.engagementId,
    proposalId: row.proposalId,
    milestoneId: row.milestoneId,
    params: row.params as NotificationView["params"],
    read: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function countUnread(userId: string): Promise<number> {
  return prisma().notification.count({ where: { userId, readAt: null } });
}

/** Marks one of the user's own notices read; another user's id is not found. */
export async function markNotificationRead(userId: string, notificationId: string, now = new Date()): Promise<void> {
  return transaction(async (tx) => {
    const row = await tx.notification.findFirst({
      where: { id: notificationId, userId },
      select: { id: true, organisationId: true, readAt: true },
    });
    if (!row) throw new NotFound("Notification");
    if (row.readAt) return;
    await tx.notification.update({ where: { id: row.id }, data: { readAt: now } });
    await appendAuditEvent(tx, {
      organisationId: row.organisationId,
      actorKind: "user",
      actorId: userId,
      action: "notification.read",
      entityType: "notification",
      entityId: row.id,
    });
  });
}
