import type { ObjectiveFields } from "../../domain/objective/objective";
import type { ProposalOffer } from "../../domain/proposal/proposal";
import { createEngagementIn } from "../engagement/create";
import { insertObjectives } from "../objective/write";
import type { Tx } from "../prisma-client";
import { createSlaClauseIn } from "../sla/clauses";

// The engagement an accepted proposal becomes, written from its snapshot inside the acceptance's
// transaction: the fee is the price, the milestones carry their shares and gates, the offered SLA
// clauses become the engagement's, and the objectives point at the new requirement and clause rows.

export interface AcceptedProposal {
  organisationId: string;
  clientId: string;
  title: string;
  currency: string;
  priceMinor: number;
  taxRateBp: number;
  paymentTermsDays: number;
  startDate: string;
  offer: ProposalOffer;
}

export async function engagementFromProposal(
  tx: Tx,
  actor: { userId: string },
  proposal: AcceptedProposal,
): Promise<{ engagementId: string; slaClauseIds: string[]; objectiveIds: string[] }> {
  const { organisationId, offer } = proposal;
  const { id: engagementId } = await createEngagementIn(tx, organisationId, actor, {
    clientId: proposal.clientId,
    title: proposal.title,
    currency: proposal.currency,
    feeMinor: proposal.priceMinor,
    taxRateBp: proposal.taxRateBp,
    startDate: proposal.startDate,
    paymentTermsDays: proposal.paymentTermsDays,
    milestones: offer.milestones,
  });
  const slaClauseIds: string[] = [];
  for (const terms of offer.slaClauses)
    slaClauseIds.push((await createSlaClauseIn(tx, organisationId, actor, engagementId, terms)).id);
  const requirements = await tx.gateRequirement.findMany({
    where: { organisationId, milestone: { engagementId } },
    select: { id: true, position: true, milestone: { select: { key: true } } },
  });
  const requirementId = (key: string, position: number) =>
    requirements.find((r) => r.milestone.key === key && r.position === position)?.id;
  const objectives: ObjectiveFields[] = offer.objectives.map(({ link, ...fields }) => {
    const id =
      link?.kind === "requirement"
        ? requirementId(link.milestoneKey, link.position)
        : link?.kind === "sla_clause"
          ? slaClauseIds[link.index]
          : undefined;
    return { ...fields, source: link && id ? { kind: link.kind, id } : null };
  });
  const objectiveIds =
    objectives.length > 0 ? await insertObjectives(tx, organisationId, engagementId, objectives) : [];
  return { engagementId, slaClauseIds, objectiveIds };
}
