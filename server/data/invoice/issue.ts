import { prisma, toMinor, type Tx } from "../prisma-client";
import { InvoiceRefusal, type PdfIssuer } from "./document";
import { findInvoicedEngagement, issueInvoiceDocument } from "./issue-document";
import { findInvoice, isoDate, view, type InvoiceView } from "./read";
import { idempotencyActor, runOnce } from "../idempotency";
import { NotFound } from "../refusal";
import { decisionInputs, milestoneDecisionSelect } from "../milestone/decision-inputs";
import { applyTransition } from "../milestone/transition";
import type { OrgScope } from "../scope";

// Issuing invoices. An invoice is numbered inside its issuing transaction (a row-locked counter
// per organisation and series, so an aborted issue uses no number and concurrent issues get
// consecutive ones), its PDF is rendered and stored by SHA-256 in the same step, and the database
// refuses any later change to it (see the invoicing migration's triggers). Reading, payments and
// credit notes live beside this file and are re-exported here.

export interface IssueRequest {
  engagementId: string;
  milestoneIds: string[];
  /** retries with the same key answer the same invoice (see idempotency.ts) */
  idempotencyKey?: string;
  /** YYYY-MM-DD; today (UTC) by default */
  issueDate?: string;
}

/**
 * Issues one invoice for approved milestones of an engagement (a prepaid milestone on its own
 * gate). Idempotent by key: the same key answers the invoice it issued; with other milestones it
 * is refused. Every refusal rolls the whole issue back, number included.
 */
export async function issueInvoice(scope: OrgScope, request: IssueRequest, pdf: PdfIssuer): Promise<InvoiceView> {
  const milestoneIds = [...new Set(request.milestoneIds)].sort();
  // what makes two requests the same invoice: the engagement and its milestones (a retry on another day is still a
  // retry)
  const body = { engagementId: request.engagementId, milestoneIds };
  return runOnce(idempotencyActor(scope), request.idempotencyKey, "invoice.issue", body, {
    run: (tx) => issueInTransaction(tx, scope, { ...request, milestoneIds }, pdf),
    store: (invoice) => ({ invoiceId: invoice.id }),
    replay: async (stored) => {
      return findInvoice(scope, (stored as { invoiceId: string }).invoiceId);
    },
  });
}

async function issueInTransaction(
  tx: Tx,
  scope: OrgScope,
  request: IssueRequest,
  pdf: PdfIssuer,
): Promise<InvoiceView> {
  const { milestoneIds } = request;
  const engagement = await findInvoicedEngagement(tx, scope, request.engagementId);
  const rows = await tx.milestone.findMany({
    where: { id: { in: milestoneIds }, engagementId: engagement.id, organisationId: scope.organisationId },
    select: { ...milestoneDecisionSelect, title: true, shareBp: true, position: true },
  });
  if (rows.length !== milestoneIds.length || rows.length === 0) throw new NotFound("Milestone");
  rows.sort((a, b) => a.position - b.position);
  const reasons: string[] = [];
  let transitionCode: string | undefined;
  for (const row of rows) {
    const result = await applyTransition(tx, scope, { milestoneId: row.id, action: "invoice" });
    if (result.ok) continue;
    transitionCode ??= result.code;
    reasons.push(...result.reasons.map((reason) => (rows.length > 1 ? `${row.title}: ${reason}` : reason)));
  }
  if (reasons.length > 0) throw new InvoiceRefusal("NOT_INVOICEABLE", reasons, transitionCode);

  const lines = rows.map((row) => ({
    milestoneId: row.id,
    description: row.title,
    shareBp: row.shareBp,
    amountMinor: toMinor(row.amountMinor),
    evidence: decisionInputs(row).gate.checks.flatMap((check) => {
      const item = row.evidence.find((e) => e.id === check.evidenceId);
      return item ? [{ kind: item.kind, verdict: check.met ? "pass" : "fail", sha256: item.sha256 }] : [];
    }),
  }));
  const { invoice } = await issueInvoiceDocument(tx, { kind: "user", scope }, pdf, {
    engagement,
    lines,
    issueDate: request.issueDate ?? isoDate(new Date()),
    idempotencyKey: request.idempotencyKey,
    auditData: { milestoneIds: lines.map((l) => l.milestoneId) },
  });
  return view(invoice);
}

/** The engagement a milestone of the scope's organisation belongs to (to invoice it alone). */
export async function engagementOfMilestone(scope: OrgScope, milestoneId: string): Promise<string> {
  const row = await prisma().milestone.findFirst({
    where: { id: milestoneId, organisationId: scope.organisationId },
    select: { engagementId: true },
  });
  if (!row) throw new NotFound("Milestone");
  return row.engagementId;
}
