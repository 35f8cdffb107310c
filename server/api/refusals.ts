import { TRPCError } from "@trpc/server";

// The one table from a refusal's code to the tRPC error (and so the HTTP status) it answers with;
// the reasons travel in error.data.refusal and REST bodies. A code not listed is a CONFLICT: the
// request was understood and is refused because of the state things are in. NOT_FOUND never says
// more than that something was not found.

/** Why a guarded action was refused: carried to clients in error.data.refusal and to REST bodies. */
export class Refusal extends Error {
  override name = "Refusal";
  constructor(
    readonly code: string,
    readonly reasons: string[],
  ) {
    super(reasons.join("; "));
  }
}

const REFUSAL_STATUS: Record<string, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  BAD_REQUEST: "BAD_REQUEST",
  COMMENT_REQUIRED: "BAD_REQUEST",
  BAD_AMOUNT: "BAD_REQUEST",
  WRONG_PASSWORD: "BAD_REQUEST",
  SAME_PASSWORD: "BAD_REQUEST",
  SESSION_ENDED: "UNAUTHORIZED",
  IDEMPOTENCY_MISMATCH: "UNPROCESSABLE_CONTENT",
  WRONG_PARTY: "FORBIDDEN",
  WRONG_STATEMENT: "UNPROCESSABLE_CONTENT",
  INVALID_EVIDENCE: "UNPROCESSABLE_CONTENT",
  INVALID_TERMS: "UNPROCESSABLE_CONTENT",
  INVALID_PERIOD: "BAD_REQUEST",
  UNPROCESSABLE: "UNPROCESSABLE_CONTENT",
  CLAUSE_RETIRED: "CONFLICT",
  PROPOSAL_CLOSED: "CONFLICT",
  NO_APPROVER: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  DUPLICATE_METER: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
};

export function refusalError(code: string, reasons: string[]): TRPCError {
  const status = REFUSAL_STATUS[code] ?? "CONFLICT";
  if (status === "NOT_FOUND") return new TRPCError({ code: "NOT_FOUND", message: reasons.join("; ") });
  return new TRPCError({ code: status, message: reasons.join("; "), cause: new Refusal(code, reasons) });
}
