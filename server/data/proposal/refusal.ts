import { DataRefusal } from "../refusal";

/**
 * Why a proposal cannot be written or decided: PROPOSAL_CLOSED (it is no longer open to the
 * decision: expired, decided, superseded, withdrawn, not sent), UNPROCESSABLE (a draft that does
 * not hold together: quantities, links, dates), NO_APPROVER (nobody could decide it), FORBIDDEN
 * (a client viewer), NOT_EDITABLE (a revision of a proposal that cannot be revised).
 */
export class ProposalRefusal extends DataRefusal<
  "PROPOSAL_CLOSED" | "UNPROCESSABLE" | "NO_APPROVER" | "FORBIDDEN" | "NOT_EDITABLE"
> {
  override name = "ProposalRefusal";
}
