import { addDays, invoiceTotals } from "../../domain/invoice";
import type { InvoiceDocumentSource } from "../../domain/invoice-document";
import { appendUserAuditEvent } from "../audit/chain";
import { prisma, toMinor, type Tx } from "../prisma-client";
import { documentData, InvoiceRefusal, nextDocumentNumber, recordPdfBlob, seller, type PdfIssuer } from "./document";
import { findInvoice, invoiceInclude, isoDate, view, type InvoiceView } from "./read";
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
  const engagement = await tx.engagement.findFirst({
    where: { id: request.engagementId, organisationId: scope.organisationId },
    select: {
      id: true,
      title: true,
      currency: true,
      taxRateBp: true,
      paymentTermsDays: true,
      client: { select: { name: true, legalName: true, taxId: true, address: true } },
    },
  });
  if (!engagement) throw new NotFound("Engagement");
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
  }));
  const totals = invoiceTotals(lines, engagement.taxRateBp);
  const issueDate = request.issueDate ?? isoDate(new Date());
  const dueDate = addDays(issueDate, engagement.paymentTermsDays);
  const { series, sequence, number } = await nextDocumentNumber(tx, scope.organisationId, "invoice", issueDate);
  const from = await seller(tx, scope.organisationId);
  const document: InvoiceDocumentSource = {
    kind: "invoice",
    number,
    creditedNumber: null,
    reason: "",
    issueDate,
    dueDate,
    currency: engagement.currency,
    taxRateBp: engagement.taxRateBp,
    ...totals,
    seller: from,
    buyer: engagement.client,
    engagement: engagement.title,
    lines: rows.map((row, i) => ({
      ...lines[i]!,
      evidence: decisionInputs(row).gate.checks.flatMap((check) => {
        const item = row.evidence.find((e) => e.id === check.evidenceId);
        return item ? [{ kind: item.kind, verdict: check.met ? "pass" : "fail", sha256: item.sha256 }] : [];
      }),
    })),
  };
  // rendered once, here: the stored bytes are what the client downloads, and their digest is audited
  const stored = await pdf.issue(document);
  await recordPdfBlob(tx, scope.organisationId, stored);
  const invoice = await tx.invoice.create({
    data: {
      ...documentData(
        scope.organisationId,
        {
          series,
          sequence,
          number,
          currency: engagement.currency,
          taxRateBp: engagement.taxRateBp,
          totals,
          issueDate,
          dueDate,
          pdfSha256: stored.sha256,
        },
        lines,
      ),
      engagementId: engagement.id,
      kind: "invoice",
      // the key is the issuer's own (see idempotency.ts); the column keeps it for the record
      idempotencyKey: request.idempotencyKey ? `${scope.userId}:${request.idempotencyKey}` : null,
    },
    include: invoiceInclude,
  });
  await appendUserAuditEvent(tx, scope, {
    action: "invoice.issued",
    entityType: "invoice",
    entityId: invoice.id,
    engagementId: engagement.id,
    after: { number, status: "issued", ...totals, currency: engagement.currency, dueDate },
    data: { milestoneIds: lines.map((l) => l.milestoneId), pdfSha256: stored.sha256 },
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
