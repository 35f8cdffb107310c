import { proposalDecidedEmail, proposalSentEmail } from "../../domain/proposal/emails";
import type { Tx } from "../prisma-client";
import { enqueueEmail } from "./outbox";
import type { NoticeDelivery } from "./notices";

// A proposal's notices: a sent one reaches the client's active approvers, a decision the
// organisation's active consultants. Each gets an in-app notice (no engagement yet: it names the
// proposal) and an email, in the transaction of the change.

export interface ProposalFacts {
  organisationId: string;
  proposalId: string;
  clientId: string;
  number: string;
  title: string;
  validUntil: string;
}

const localeOf = (value: string | null | undefined) => (value === "zh-CN" ? "zh-CN" : "en") as "en" | "zh-CN";

/** The client's active approvers (who can decide a proposal). */
export async function clientApprovers(tx: Tx, organisationId: string, clientId: string) {
  const rows = await tx.clientUser.findMany({
    where: { organisationId, clientId, role: "approver", user: { deactivatedAt: null } },
    select: { user: { select: { id: true, email: true, locale: true } } },
  });
  return rows.map((row) => row.user);
}

export async function notifyProposalSent(
  tx: Tx,
  facts: ProposalFacts,
  approvers: { id: string; email: string; locale: string | null }[],
  delivery: NoticeDelivery,
): Promise<void> {
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: facts.organisationId },
    select: { name: true },
  });
  const params = {
    milestone: "",
    engagement: facts.title,
    who: organisation.name,
    comment: "",
    proposal: facts.number,
  };
  for (const user of approvers) {
    await tx.notification.create({
      data: {
        organisationId: facts.organisationId,
        userId: user.id,
        kind: "proposal_sent",
        engagementId: null,
        proposalId: facts.proposalId,
        params,
      },
    });
    const email = proposalSentEmail(localeOf(user.locale), {
      number: facts.number,
      title: facts.title,
      organisation: organisation.name,
      validUntil: facts.validUntil,
      link: `${delivery.origin}/portal/proposals/${facts.proposalId}`,
    });
    await enqueueEmail(tx, facts.organisationId, user.email, "proposal.sent", email, delivery.smtpConfigured);
  }
}

export async function notifyProposalDecided(
  tx: Tx,
  facts: ProposalFacts & { engagementId: string | null },
  decision: "accepted" | "declined",
  who: string,
  comment: string,
  delivery: NoticeDelivery,
): Promise<void> {
  const consultants = await tx.user.findMany({
    where: { organisationId: facts.organisationId, kind: "consultant", deactivatedAt: null },
    select: { id: true, email: true, locale: true },
  });
  const params = { milestone: "", engagement: facts.title, who, comment, proposal: facts.number };
  for (const user of consultants) {
    await tx.notification.create({
      data: {
        organisationId: facts.organisationId,
        userId: user.id,
        kind: decision === "accepted" ? "proposal_accepted" : "proposal_declined",
        engagementId: facts.engagementId,
        proposalId: facts.proposalId,
        params,
      },
    });
    const email = proposalDecidedEmail(localeOf(user.locale), {
      decision,
      number: facts.number,
      title: facts.title,
      who,
      comment,
      link: `${delivery.origin}/proposals/${facts.proposalId}`,
    });
    await enqueueEmail(tx, facts.organisationId, user.email, `proposal.${decision}`, email, delivery.smtpConfigured);
  }
}
