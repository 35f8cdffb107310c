import { z } from "zod";
import { ZCurrency } from "../../../domain/currency";
import { ZPrice } from "../../../domain/proposal/pricing";
import {
  ZProposalDecision,
  ZProposalDraft,
  ZProposalOffer,
  ZProposalStanding,
  ZProposalStatus,
} from "../../../domain/proposal/proposal";
import { ZEntityId } from "../../../domain/schemas";
import { MAX_PROPOSAL_PAGE } from "../../../data/proposal/read";

export const ZProposalIdInput = z.strictObject({ proposalId: ZEntityId });

export const ZProposalListInput = z.strictObject({
  cursor: ZEntityId.optional(),
  limit: z.number().int().min(1).max(MAX_PROPOSAL_PAGE).default(50),
  status: ZProposalStatus.optional(),
  /** only those that can still be decided: sent and valid today */
  open: z.boolean().optional(),
});

export const ZReviseProposalInput = z.strictObject({ proposalId: ZEntityId, draft: ZProposalDraft });

export const ZDecideProposalInput = z.strictObject({
  proposalId: ZEntityId,
  decision: ZProposalDecision,
  comment: z.string().max(2000).default(""),
});

/** A proposal as the pages read it (server/domain/proposal/proposal.ts ProposalView). */
export const ZProposalOut = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  client: z.object({ id: z.string(), name: z.string() }),
  status: ZProposalStatus,
  standing: ZProposalStanding,
  currency: ZCurrency,
  priceMinor: z.number().int(),
  taxRateBp: z.number().int(),
  paymentTermsDays: z.number().int(),
  startDate: z.string(),
  validUntil: z.string(),
  price: ZPrice,
  offer: ZProposalOffer,
  milestoneAmountsMinor: z.array(z.number().int()),
  sentAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string(),
  engagementId: z.string().nullable(),
  revisesId: z.string().nullable(),
  revisedById: z.string().nullable(),
  createdAt: z.string(),
});

export const ZProposalPageOut = z.object({ items: z.array(ZProposalOut), nextCursor: z.string().nullable() });
