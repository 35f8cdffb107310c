import { slaTriggerEmail, zonedMinute } from "../../domain/emails";
import type { Locale } from "../../domain/locale";
import type { SlaTrigger } from "../../domain/sla/terms";
import { configuredOrigin } from "../../env";
import type { NoticeDelivery } from "../notification/notices";
import { enqueueEmail } from "../notification/outbox";
import type { Tx } from "../prisma-client";

// A fired SLA trigger concerns both sides: every active consultant of the organisation and every
// active user of the client hear of it, in the app and by email (through the outbox).

export interface FiredTrigger {
  organisationId: string;
  engagementId: string;
  engagement: string;
  clientId: string;
  /** the engagement is out of draft, so its client's users are told */
  clientSees: boolean;
  clause: string;
  unit: string;
  timezone: string;
  trigger: SlaTrigger;
  interval: { from: string; to: string };
}

/**
 * Where links point and whether mail goes out, when the caller (a measurement posting deep in a transaction)
 * has no request to ask: the configured public URL, as background jobs use it.
 */
export function defaultNoticeDelivery(): NoticeDelivery {
  return {
    origin: configuredOrigin() ?? `http://localhost:${process.env.PORT ?? "3000"}`,
    // the same test as server/services/mail/deliver.ts smtpConfigured(), which the data layer does not import
    smtpConfigured: Boolean(process.env.SMTP_URL?.trim()),
  };
}

const localeOf = (value: string | null | undefined): Locale => (value === "zh-CN" ? "zh-CN" : "en");

export async function notifySlaTrigger(tx: Tx, fired: FiredTrigger, delivery: NoticeDelivery): Promise<void> {
  const consultants = await tx.user.findMany({
    where: { organisationId: fired.organisationId, kind: "consultant", deactivatedAt: null },
    select: { id: true, email: true, locale: true },
  });
  const clientUsers = fired.clientSees
    ? await tx.clientUser.findMany({
        where: { organisationId: fired.organisationId, clientId: fired.clientId, user: { deactivatedAt: null } },
        select: { user: { select: { id: true, email: true, locale: true } } },
      })
    : [];
  const from = zonedMinute(fired.interval.from, fired.timezone);
  const to = zonedMinute(fired.interval.to, fired.timezone);
  const params = {
    milestone: "",
    engagement: fired.engagement,
    who: "",
    comment: "",
    clause: fired.clause,
    action: fired.trigger.action,
    from,
    to,
  };
  const recipients = [
    ...consultants.map((user) => ({ user, link: `${delivery.origin}/engagements/${fired.engagementId}/sla` })),
    ...clientUsers.map(({ user }) => ({
      user,
      link: `${delivery.origin}/portal/engagements/${fired.engagementId}/sla`,
    })),
  ];
  for (const { user, link } of recipients) {
    await tx.notification.create({
      data: {
        organisationId: fired.organisationId,
        userId: user.id,
        kind: "sla_trigger",
        engagementId: fired.engagementId,
        milestoneId: null,
        params,
      },
    });
    const email = slaTriggerEmail(localeOf(user.locale), {
      action: fired.trigger.action,
      clause: fired.clause,
      engagement: fired.engagement,
      trigger: { ...fired.trigger, unit: fired.unit },
      from,
      to,
      link,
    });
    await enqueueEmail(tx, fired.organisationId, user.email, "sla.trigger_fired", email, delivery.smtpConfigured);
  }
}
