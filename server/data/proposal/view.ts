import type { Prisma } from "@prisma/client";
import type { Currency } from "../../domain/currency";
import { computePrice } from "../../domain/proposal/price";
import { ZProposalOffer, type ProposalView } from "../../domain/proposal/proposal";
import { milestoneAmounts, proposalStanding, todayIso } from "../../domain/proposal/standing";
import { toMinor } from "../prisma-client";

// A proposal row as every reader sees it. The offer is read back through its schema (it was
// written through it), and the price is recomputed from the snapshot for its formula's words.

export const PROPOSAL_SELECT = {
  id: true,
  organisationId: true,
  number: true,
  title: true,
  currency: true,
  taxRateBp: true,
  paymentTermsDays: true,
  startDate: true,
  validUntil: true,
  offer: true,
  priceMinor: true,
  status: true,
  sentAt: true,
  decidedAt: true,
  decisionComment: true,
  engagementId: true,
  revisesId: true,
  createdAt: true,
  client: { select: { id: true, name: true } },
  revisedBy: { select: { id: true, number: true, status: true, sentAt: true } },
} satisfies Prisma.ProposalSelect;

export type ProposalRow = Prisma.ProposalGetPayload<{ select: typeof PROPOSAL_SELECT }>;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Who reads: a client's user learns of a revision only once it is sent to them. */
export type ProposalReader = "organisation" | "client";

export function proposalView(
  row: ProposalRow,
  now = new Date(),
  reader: ProposalReader = "organisation",
): ProposalView {
  const offer = ZProposalOffer.parse(row.offer);
  const priceMinor = toMinor(row.priceMinor);
  const validUntil = isoDate(row.validUntil);
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    client: row.client,
    status: row.status,
    standing: proposalStanding(row.status, validUntil, todayIso(now)),
    currency: row.currency as Currency,
    priceMinor,
    taxRateBp: row.taxRateBp,
    paymentTermsDays: row.paymentTermsDays,
    startDate: isoDate(row.startDate),
    validUntil,
    price: computePrice(offer.pricing, offer.quantities, row.currency, "en"),
    offer,
    milestoneAmountsMinor: milestoneAmounts(offer, priceMinor),
    sentAt: row.sentAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionComment: row.decisionComment,
    engagementId: row.engagementId,
    revisesId: row.revisesId,
    revisedById: row.revisedBy && (reader === "organisation" || row.revisedBy.sentAt) ? row.revisedBy.id : null,
    createdAt: row.createdAt.toISOString(),
  };
}
