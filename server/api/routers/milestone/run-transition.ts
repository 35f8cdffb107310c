import { TRPCError } from "@trpc/server";
import { transitionMilestone, type TransitionAnswer } from "../../../data/milestone-actions";
import type { NoticeDelivery } from "../../../data/notifications";
import { randomUUID } from "node:crypto";
import { engagementOfMilestone, InvoiceRefusal, issueInvoice } from "../../../data/invoices";
import { milestoneVersion } from "../../../data/milestone-gate-read";
import { organisationLocale } from "../../../data/organisation";
import type { ActorScope, OrgScope } from "../../../data/scope";
import { pdfIssuer } from "../../invoices/pdf-issuer";
import { deliverOutbox } from "../../../mail/deliver";
import { Refusal } from "../../trpc";
import type { TransitionInput } from "./transition.schema";

const STATUS_BY_REFUSAL: Record<string, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  COMMENT_REQUIRED: "BAD_REQUEST",
  IDEMPOTENCY_MISMATCH: "UNPROCESSABLE_CONTENT",
};

export function refusalError(code: string, reasons: string[]): TRPCError {
  return new TRPCError({ code: STATUS_BY_REFUSAL[code] ?? "CONFLICT", message: reasons.join("; "), cause: new Refusal(code, reasons) });
}

async function invoiceAlone(scope: OrgScope, input: TransitionInput) {
  const engagementId = await engagementOfMilestone(scope, input.milestoneId);
  if (!engagementId) throw refusalError("NOT_FOUND", ["milestone not found"]);
  try {
    const invoice = await issueInvoice(scope, { engagementId, milestoneIds: [input.milestoneId], idempotencyKey: input.idempotencyKey ?? randomUUID() }, pdfIssuer(await organisationLocale(scope)));
    const milestone = await milestoneVersion(scope, input.milestoneId);
    return { milestoneId: input.milestoneId, state: "invoiced" as const, version: milestone, invoiceNumber: invoice.number };
  } catch (error) {
    if (error instanceof InvoiceRefusal) throw refusalError(error.transitionCode ?? error.code, error.reasons);
    throw error;
  }
}

/** Shared by the consultant and portal procedures: the scope decides who the actor is. */
export async function runTransition(scope: ActorScope, input: TransitionInput, notices: NoticeDelivery) {
  // invoicing a milestone issues its invoice: there is no invoiced milestone without a document
  if (input.action === "invoice" && !("clientId" in scope)) return invoiceAlone(scope, input);
  const answer: TransitionAnswer = await transitionMilestone(
    scope,
    { milestoneId: input.milestoneId, action: input.action, comment: input.comment, presentedHashes: input.evidenceSha256 },
    input.idempotencyKey,
    notices,
  );
  void deliverOutbox();
  if (!answer.ok) throw refusalError(answer.code, answer.reasons);
  return { milestoneId: answer.milestoneId, state: answer.state, version: answer.version };
}
