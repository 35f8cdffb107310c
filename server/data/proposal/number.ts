import { formatDocumentNumber, seriesKey } from "../../domain/document-number";
import { takeNumber } from "../invoice/document";
import type { Tx } from "../prisma-client";
import { ProposalRefusal } from "./refusal";

// A proposal's number, from the organisation's proposal pattern (default Q-{YYYY}-{NNNN}), taken
// inside the creating transaction from the same gapless counters invoices use. The series key is
// prefixed so a proposal pattern that reads like an invoice pattern never shares its counter.

const PROPOSAL_SERIES_PREFIX = "proposal:";

export async function nextProposalNumber(tx: Tx, organisationId: string, date: string) {
  const org = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { proposalNumberPattern: true },
  });
  const pattern = org.proposalNumberPattern;
  const series = `${PROPOSAL_SERIES_PREFIX}${seriesKey(pattern, date)}`;
  const sequence = await takeNumber(tx, organisationId, series);
  const number = formatDocumentNumber(pattern, date, sequence);
  // a changed pattern can meet a number an earlier pattern gave; numbers are never reused
  const taken = await tx.proposal.findUnique({
    where: { organisationId_number: { organisationId, number } },
    select: { id: true },
  });
  if (taken)
    throw new ProposalRefusal("NUMBER_TAKEN", [
      `${number} was already given to a proposal under an earlier number pattern; change the pattern in the settings`,
    ]);
  return { series, sequence, number };
}
