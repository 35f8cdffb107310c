import { transitionMilestone } from "../../../data/milestone/request-transition";
import type { NoticeDelivery } from "../../../data/notification/notices";
import { engagementOfMilestone, issueInvoice } from "../../../data/invoice/issue";
import { DataRefusal } from "../../../data/refusal";
import { milestoneVersion } from "../../../data/milestone/gate-read";
import { organisationLocale } from "../../../data/organisation/settings";
import type { ActorScope, OrgScope } from "../../../data/scope";
import { pdfIssuer } from "../../../services/pdf/invoice-issuer";
import { deliverOutbox } from "../../../services/mail/deliver";
import { refusalError } from "../../refusals";
import type { TransitionInput } from "./milestone.schema";

async function invoiceAlone(scope: OrgScope, input: TransitionInput) {
  const engagementId = await engagementOfMilestone(scope, input.milestoneId);
  try {
    const invoice = await issueInvoice(
      scope,
      { engagementId, milestoneIds: [input.milestoneId], idempotencyKey: input.idempotencyKey },
      pdfIssuer(await organisationLocale(scope)),
    );
    const milestone = await milestoneVersion(scope, input.milestoneId);
    return {
      milestoneId: input.milestoneId,
      state: "invoiced" as const,
      version: milestone,
      invoiceNumber: invoice.number,
    };
  } catch (error) {
    if (error instanceof DataRefusal) throw refusalError(error.causeCode ?? error.code, error.reasons);
    throw error;
  }
}

/** Shared by the consultant and portal procedures: the scope decides who the actor is. */
export async function runTransition(scope: ActorScope, input: TransitionInput, notices: NoticeDelivery) {
  // invoicing a milestone issues its invoice: there is no invoiced milestone without a document
  if (input.action === "invoice" && !("clientId" in scope)) return invoiceAlone(scope, input);
  try {
    const applied = await transitionMilestone(
      scope,
      {
        milestoneId: input.milestoneId,
        action: input.action,
        comment: input.comment,
        presentedHashes: input.evidenceSha256,
      },
      input.idempotencyKey,
      notices,
    );
    return { milestoneId: applied.milestoneId, state: applied.state, version: applied.version };
  } finally {
    void deliverOutbox();
  }
}
