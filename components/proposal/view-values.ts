import { minorUnitDigits } from "@/server/domain/currency";
import type { ProposalStanding, ProposalView } from "@/server/domain/proposal/proposal";

/** How many proposals a list page shows at a time (the server page and the "more" button agree). */
export const PROPOSAL_PAGE_SIZE = 25;

// What the proposal pages derive from a ProposalView for display: an exact line amount in major
// units, and why a proposal can no longer be decided.

/**
 * An exact amount in minor units ("1250.5") written in the currency, without a float: Intl formats
 * decimal strings exactly; a line keeps its sub-minor digits (the total alone is rounded).
 */
export function formatExactMinor(amountExact: string, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amountExact);
  if (!match) return amountExact;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const padded = whole.padStart(digits + 1, "0");
  const major = `${sign}${padded.slice(0, padded.length - digits)}.${padded.slice(padded.length - digits)}${fraction}`;
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits + fraction.length,
  });
  return format.format(major as `${number}`);
}

/** Standings a client may still decide on. */
export const isOpen = (standing: ProposalStanding): boolean => standing === "sent";

export type ClosedReason =
  | { key: "expired"; date: string }
  | { key: "accepted" | "declined"; date: string | null }
  | { key: "superseded"; by: string | null }
  | { key: "withdrawn" | "draft" };

/** Why a proposal is not open for a decision, or null when it is. */
export function closedReason(proposal: ProposalView): ClosedReason | null {
  switch (proposal.standing) {
    case "sent":
      return null;
    case "expired":
      return { key: "expired", date: proposal.validUntil };
    case "accepted":
    case "declined":
      return { key: proposal.standing, date: proposal.decidedAt };
    case "superseded":
      return { key: "superseded", by: proposal.revisedById };
    case "withdrawn":
    case "draft":
      return { key: proposal.standing };
  }
}
