import type { ProposalView } from "../../domain/proposal/proposal";
import { closedReasons, todayIso } from "../../domain/proposal/standing";
import { appendUserAuditEvent } from "../audit/chain";
import type { NoticeDelivery } from "../notification/notices";
import { notifyProposalDecided } from "../notification/proposal-notices";
import { toMinor, transaction } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import type { ClientScope } from "../scope";
import { engagementFromProposal } from "./accept";
import { lockedProposal } from "./draft";
import { ProposalRefusal } from "./refusal";
import { PROPOSAL_SELECT, proposalView } from "./view";
import { ZProposalOffer } from "../../domain/proposal/proposal";

// The client's decision on a sent proposal, by an approver of its client (a viewer reads it only).
// The proposal row is locked first, so of two acceptances at once the second finds it accepted: a
// proposal becomes at most one engagement. Accepting creates that engagement in the same
// transaction; declining needs a comment saying why.

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export interface ProposalDecision {
  decision: "accept" | "decline";
  comment: string;
}

export function decideProposal(
  scope: ClientScope,
  proposalId: string,
  decision: ProposalDecision,
  delivery: NoticeDelivery,
  now = new Date(),
): Promise<ProposalView> {
  if (scope.role !== "approver")
    throw new ProposalRefusal("FORBIDDEN", ["only an approver of the client accepts or declines a proposal"]);
  const comment = decision.comment.trim();
  if (decision.decision === "decline" && comment.length === 0)
    throw new DataRefusal("COMMENT_REQUIRED", ["say why the proposal is declined"]);
  return transaction(async (tx) => {
    const row = await lockedProposal(tx, scope.organisationId, proposalId);
    if (row.client.id !== scope.clientId || row.status === "draft" || !row.sentAt) throw new NotFound("Proposal");
    const validUntil = isoDate(row.validUntil);
    const reasons = closedReasons(
      { status: row.status, validUntil, supersededBy: row.revisedBy?.number ?? null },
      todayIso(now),
    );
    if (reasons.length > 0) throw new ProposalRefusal("PROPOSAL_CLOSED", reasons);
    const decider = await tx.user.findUniqueOrThrow({ where: { id: scope.userId }, select: { name: true } });
    const accepted =
      decision.decision === "accept"
        ? await engagementFromProposal(tx, scope, {
            organisationId: scope.organisationId,
            clientId: row.client.id,
            title: row.title,
            currency: row.currency,
            priceMinor: toMinor(row.priceMinor),
            taxRateBp: row.taxRateBp,
            paymentTermsDays: row.paymentTermsDays,
            startDate: isoDate(row.startDate),
            offer: ZProposalOffer.parse(row.offer),
          })
        : null;
    const status = accepted ? "accepted" : "declined";
    const updated = await tx.proposal.update({
      where: { id: row.id },
      data: {
        status,
        decidedAt: now,
        decidedByUserId: scope.userId,
        decisionComment: comment,
        engagementId: accepted?.engagementId ?? null,
      },
      select: PROPOSAL_SELECT,
    });
    await appendUserAuditEvent(tx, scope, {
      action: `proposal.${status}`,
      entityType: "proposal",
      entityId: row.id,
      engagementId: accepted?.engagementId ?? null,
      data: {
        number: row.number,
        comment,
        ...(accepted
          ? {
              engagementId: accepted.engagementId,
              slaClauses: accepted.slaClauseIds.length,
              objectives: accepted.objectiveIds.length,
            }
          : {}),
      },
    });
    await notifyProposalDecided(
      tx,
      {
        organisationId: scope.organisationId,
        proposalId: row.id,
        clientId: row.client.id,
        number: row.number,
        title: row.title,
        validUntil,
        engagementId: accepted?.engagementId ?? null,
      },
      status,
      decider.name,
      comment,
      delivery,
    );
    return proposalView(updated, now);
  });
}
