import { addDays } from "../invoice";
import { splitByShares } from "../money";
import type { ServicePackageView } from "./package";
import { defaultQuantities, quantityProblems } from "./price";
import type { OfferObjective, ProposalDraft, ProposalOffer, ProposalStanding, ProposalStatus } from "./proposal";

// A proposal's standing and the rules of its life, pure: when it is open to the client's decision,
// what a draft must hold to be made from a package, and the offer snapshot it keeps.

/** A proposal is valid through its validUntil day (UTC): after it, a sent proposal is expired. */
export function proposalStanding(status: ProposalStatus, validUntil: string, today: string): ProposalStanding {
  return status === "sent" && today > validUntil ? "expired" : status;
}

/** The latest validity a draft may name: a quote is a short-lived offer, not an open-ended one. */
export const MAX_VALIDITY_DAYS = 366;

export interface DecisionFacts {
  status: ProposalStatus;
  validUntil: string;
  /** the number of the sent proposal that superseded this one, if any */
  supersededBy: string | null;
}

/** Why the client cannot decide the proposal now (empty: it is open to the decision). */
export function closedReasons(facts: DecisionFacts, today: string): string[] {
  switch (facts.status) {
    case "sent":
      return today > facts.validUntil ? [`expired on ${facts.validUntil}`] : [];
    case "accepted":
      return ["already accepted"];
    case "declined":
      return ["declined"];
    case "superseded":
      return [facts.supersededBy ? `superseded by ${facts.supersededBy}` : "superseded"];
    case "withdrawn":
      return ["withdrawn"];
    case "draft":
      return ["not sent"];
  }
}

/** Which statuses a consultant may revise: an open or refused quote, never a decided or replaced one. */
export const REVISABLE_STATUSES: readonly ProposalStatus[] = ["draft", "sent", "declined"];
/** Which statuses a consultant may withdraw. */
export const WITHDRAWABLE_STATUSES: readonly ProposalStatus[] = ["draft", "sent"];

export interface DraftProblem {
  /** the draft's field the problem is about, e.g. "quantities.nodes", "objectives.1.link" */
  key: string;
  message: string;
}

type OfferedPackage = Pick<ServicePackageView, "pricing" | "milestones" | "slaClauses">;

/** The package's SLA clause indexes the draft offers (all when it names none). */
export function offeredClauseIndexes(draft: Pick<ProposalDraft, "slaClauseIndexes">, pkg: OfferedPackage): number[] {
  const all = pkg.slaClauses.map((_, index) => index);
  return draft.slaClauseIndexes ? [...new Set(draft.slaClauseIndexes)].sort((a, b) => a - b) : all;
}

function linkProblem(objective: OfferObjective, pkg: OfferedPackage, offered: number[]): string | null {
  const link = objective.link;
  if (!link) return null;
  if (link.kind === "sla_clause")
    return offered.includes(link.index) ? null : `SLA clause ${link.index} is not one the proposal offers`;
  const milestone = pkg.milestones.find((m) => m.key === link.milestoneKey);
  if (!milestone) return `the package has no milestone "${link.milestoneKey}"`;
  return link.position < milestone.requirements.length
    ? null
    : `milestone "${link.milestoneKey}" has no gate requirement ${link.position}`;
}

/**
 * What keeps a draft from being made from the package on `today`: quantities the pricing rule
 * refuses, dates that do not hold, SLA clauses the package does not have, objective links that
 * point outside the offer.
 */
export function draftProblems(draft: ProposalDraft, pkg: OfferedPackage, today: string): DraftProblem[] {
  const problems: DraftProblem[] = quantityProblems(pkg.pricing, draft.quantities).map((problem) => ({
    key: problem.key ? `quantities.${problem.key}` : "quantities",
    message: problem.message,
  }));
  if (draft.validUntil < today)
    problems.push({ key: "validUntil", message: `the validity date ${draft.validUntil} is before today (${today})` });
  else if (draft.validUntil > addDays(today, MAX_VALIDITY_DAYS))
    problems.push({ key: "validUntil", message: `a proposal is valid for at most ${MAX_VALIDITY_DAYS} days` });
  if (draft.startDate < today)
    problems.push({ key: "startDate", message: `the start date ${draft.startDate} is before today (${today})` });
  (draft.slaClauseIndexes ?? []).forEach((index, position) => {
    if (index >= pkg.slaClauses.length)
      problems.push({ key: `slaClauseIndexes.${position}`, message: `the package has no SLA clause ${index}` });
  });
  const offered = offeredClauseIndexes(draft, pkg);
  draft.objectives.forEach((objective, index) => {
    const problem = linkProblem(objective, pkg, offered);
    if (problem) problems.push({ key: `objectives.${index}.link`, message: problem });
  });
  return problems;
}

/**
 * The snapshot a proposal keeps: quantities with the rate card's defaults filled in, the offered
 * clauses in the package's order, and objective links to clauses renumbered to the offer's list
 * (a draft names a clause by its index in the package).
 */
export function offerSnapshot(
  draft: ProposalDraft,
  pkg: OfferedPackage & Pick<ServicePackageView, "id" | "name" | "business" | "tier" | "revision">,
): ProposalOffer {
  const offered = offeredClauseIndexes(draft, pkg);
  return {
    package: { id: pkg.id, name: pkg.name, business: pkg.business, tier: pkg.tier, revision: pkg.revision },
    pricing: pkg.pricing,
    quantities: { ...defaultQuantities(pkg.pricing), ...draft.quantities },
    milestones: pkg.milestones,
    slaClauses: offered.map((index) => pkg.slaClauses[index]!),
    objectives: draft.objectives.map((objective) =>
      objective.link?.kind === "sla_clause"
        ? { ...objective, link: { kind: "sla_clause", index: offered.indexOf(objective.link.index) } }
        : objective,
    ),
  };
}

/** Each milestone's amount, split exactly from the price by the milestones' shares. */
export function milestoneAmounts(offer: Pick<ProposalOffer, "milestones">, priceMinor: number): number[] {
  return splitByShares(
    priceMinor,
    offer.milestones.map((m) => m.shareBp),
  );
}

/** The UTC calendar day of `now`: validity dates are calendar days, read in UTC. */
export function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}
