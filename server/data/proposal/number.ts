import { takeDocumentNumber } from "../invoice/document";
import type { Tx } from "../prisma-client";

// A proposal's number, from the organisation's proposal pattern (default Q-{YYYY}-{NNNN}), taken
// inside the creating transaction from the same gapless counters invoices use. The series key is
// prefixed so a proposal pattern that reads like an invoice pattern never shares its counter; the
// unique (organisation, number) index refuses a number given twice.

const PROPOSAL_SERIES_PREFIX = "proposal:";

export async function nextProposalNumber(tx: Tx, organisationId: string, date: string) {
  const { proposalNumberPattern } = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { proposalNumberPattern: true },
  });
  return takeDocumentNumber(tx, organisationId, proposalNumberPattern, date, PROPOSAL_SERIES_PREFIX);
}
