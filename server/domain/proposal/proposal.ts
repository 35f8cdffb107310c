import { z } from "zod";
import { type ZCurrency } from "../currency";
import { ZIsoDate } from "../engagement-plan";
import { BASIS_POINTS_TOTAL } from "../money";
import { MAX_OBJECTIVES, ZObjectiveFields } from "../objective/objective";
import { ZEntityId } from "../schemas";
import { ZSlaClauseTerms } from "../sla/terms";
import { ZPackageMilestones, ZServiceBusiness, ZServiceTier } from "./package";
import { ZPricingRule, ZQuantities, type Price } from "./pricing";

// A proposal (quote), written once. What it offers is a snapshot taken from the package when it is
// drafted (`ZProposalOffer`), so a later package edit changes no quote already made; accepting it
// creates the engagement from exactly that snapshot.

export const PROPOSAL_STATUSES = ["draft", "sent", "accepted", "declined", "superseded", "withdrawn"] as const;
export const ZProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ZProposalStatus>;

/** What the reader sees: a sent proposal past its validity date is expired (derived, never stored). */
export const PROPOSAL_STANDINGS = [...PROPOSAL_STATUSES, "expired"] as const;
export const ZProposalStanding = z.enum(PROPOSAL_STANDINGS);
export type ProposalStanding = z.infer<typeof ZProposalStanding>;

export const PROPOSAL_DECISIONS = ["accept", "decline"] as const;
export const ZProposalDecision = z.enum(PROPOSAL_DECISIONS);

/**
 * A proposal's objective: an objective's fields whose source points into the offer (a milestone's
 * requirement by milestone key and position, or an SLA clause by its index), since the rows it will
 * point to exist only once the proposal is accepted.
 */
export const ZOfferObjectiveLink = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("requirement"),
    milestoneKey: z.string().min(1).max(40),
    position: z.number().int().min(0),
  }),
  z.strictObject({ kind: z.literal("sla_clause"), index: z.number().int().min(0) }),
]);
export type OfferObjectiveLink = z.infer<typeof ZOfferObjectiveLink>;
export const ZOfferObjective = ZObjectiveFields.omit({ source: true }).extend({
  link: ZOfferObjectiveLink.nullable().default(null),
});
export type OfferObjective = z.infer<typeof ZOfferObjective>;

/** The draft a consultant writes (create and revise name every field). */
export const ZProposalDraft = z.strictObject({
  clientId: ZEntityId,
  packageId: ZEntityId,
  title: z.string().trim().min(1).max(200),
  quantities: ZQuantities.default({}),
  taxRateBp: z.number().int().min(0).max(BASIS_POINTS_TOTAL),
  paymentTermsDays: z.number().int().min(0).max(365).default(30),
  startDate: ZIsoDate,
  validUntil: ZIsoDate,
  /** which of the package's SLA clauses the proposal offers, by index (default: all) */
  slaClauseIndexes: z.array(z.number().int().min(0).max(19)).max(20).optional(),
  objectives: z.array(ZOfferObjective).max(MAX_OBJECTIVES).default([]),
});
export type ProposalDraft = z.infer<typeof ZProposalDraft>;
export type ProposalDraftInput = z.input<typeof ZProposalDraft>;

/** The snapshot stored in Proposal.offer. */
export const ZProposalOffer = z.object({
  package: z.object({
    id: z.string(),
    name: z.string(),
    business: ZServiceBusiness,
    tier: ZServiceTier,
    revision: z.number().int(),
  }),
  pricing: ZPricingRule,
  quantities: ZQuantities,
  milestones: ZPackageMilestones,
  slaClauses: z.array(ZSlaClauseTerms),
  objectives: z.array(ZOfferObjective),
});
export type ProposalOffer = z.infer<typeof ZProposalOffer>;

/** One proposal as the pages, the PDF's view-model and the REST answers read it. */
export interface ProposalView {
  id: string;
  number: string;
  title: string;
  client: { id: string; name: string };
  status: ProposalStatus;
  /** status, or "expired" for a sent proposal past validUntil */
  standing: ProposalStanding;
  currency: z.infer<typeof ZCurrency>;
  priceMinor: number;
  taxRateBp: number;
  paymentTermsDays: number;
  startDate: string;
  validUntil: string;
  price: Price;
  offer: ProposalOffer;
  /** each milestone's amount, split exactly from the price */
  milestoneAmountsMinor: number[];
  sentAt: string | null;
  decidedAt: string | null;
  decisionComment: string;
  engagementId: string | null;
  revisesId: string | null;
  revisedById: string | null;
  createdAt: string;
}
