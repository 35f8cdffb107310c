import type { ProposalView } from "../../domain/proposal/proposal";
import { todayIso } from "../../domain/proposal/standing";
import { appendUserAuditEvent } from "../audit/chain";
import type { NoticeDelivery } from "../notification/notices";
import { clientApprovers, notifyProposalSent } from "../notification/proposal-notices";
import { transaction } from "../prisma-client";
import type { OrgScope } from "../scope";
import { lockedProposal } from "./draft";
import { ProposalRefusal } from "./refusal";
import { PROPOSAL_SELECT, proposalView } from "./view";

// Sending a draft: it becomes open to the client's decision until its validity date, the client's
// approvers hear of it (notice and email), and the proposal it revises is superseded, all in one
// transaction. A client without an approver cannot be sent a proposal: nobody could decide it.

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function sendProposal(
  scope: OrgScope,
  proposalId: string,
  delivery: NoticeDelivery,
  now = new Date(),
): Promise<ProposalView> {
  return transaction(async (tx) => {
    const row = await lockedProposal(tx, scope.organisationId, proposalId);
    if (row.status !== "draft") throw new ProposalRefusal("NOT_EDITABLE", [`a ${row.status} proposal cannot be sent`]);
    const validUntil = isoDate(row.validUntil);
    if (todayIso(now) > validUntil)
      throw new ProposalRefusal("PROPOSAL_CLOSED", [`expired on ${validUntil}: revise it with a later validity date`]);
    const approvers = await clientApprovers(tx, scope.organisationId, row.client.id);
    if (approvers.length === 0)
      throw new ProposalRefusal("NO_APPROVER", [
        `${row.client.name} has no active approver to decide the proposal; invite one first`,
      ]);
    if (row.revisesId) {
      const revised = await lockedProposal(tx, scope.organisationId, row.revisesId);
      if (revised.status === "accepted")
        throw new ProposalRefusal("PROPOSAL_CLOSED", [`${revised.number}, which this proposal revises, was accepted`]);
      if (revised.status !== "withdrawn" && revised.status !== "superseded") {
        await tx.proposal.update({ where: { id: revised.id }, data: { status: "superseded" } });
        await appendUserAuditEvent(tx, scope, {
          action: "proposal.superseded",
          entityType: "proposal",
          entityId: revised.id,
          data: { number: revised.number, from: revised.status, by: row.number },
        });
      }
    }
    const updated = await tx.proposal.update({
      where: { id: row.id },
      data: { status: "sent", sentAt: now },
      select: PROPOSAL_SELECT,
    });
    await appendUserAuditEvent(tx, scope, {
      action: "proposal.sent",
      entityType: "proposal",
      entityId: row.id,
      data: { number: row.number, validUntil, approvers: approvers.length },
    });
    await notifyProposalSent(
      tx,
      {
        organisationId: scope.organisationId,
        proposalId: row.id,
        clientId: row.client.id,
        number: row.number,
        title: row.title,
        validUntil,
      },
      approvers,
      delivery,
    );
    return proposalView(updated, now);
  });
}
