import { invoiceTotals, paymentStatus } from "../../domain/invoice";
import { appendUserAuditEvent } from "../audit/chain";
import { transaction, type Tx } from "../prisma-client";
import {
  documentData,
  InvoiceRefusal,
  moveInvoicedMilestones,
  nextDocumentNumber,
  recordPdfBlob,
  seller,
  type PdfIssuer,
} from "./document";
import { invoiceInclude, isoDate, view, type InvoiceView } from "./read";
import { NotFound } from "../refusal";
import { lockOrganisationRow } from "../row-lock";
import type { OrgScope } from "../scope";

// After issue: payments (never more than is due; paid in full marks the milestones paid) and
// credit notes (their own series; a full credit voids the invoice and reopens its milestones).

export interface PaymentRequest {
  invoiceId: string;
  amountMinor: number;
  paidOn: string;
  method: string;
  reference: string;
}

/**
 * The scope's invoice, locked until commit: payments and credits of one invoice queue, so two cannot both fit the
 * same balance.
 */
async function lockedInvoice(tx: Tx, scope: OrgScope, invoiceId: string): Promise<InvoiceView> {
  if (!(await lockOrganisationRow(tx, "Invoice", invoiceId, scope.organisationId))) throw new NotFound("Invoice");
  return view(await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: invoiceInclude }));
}

/** Records a payment; an invoice paid in full marks its milestones paid. Never more than is due. */
export async function recordPayment(scope: OrgScope, request: PaymentRequest): Promise<InvoiceView> {
  return transaction(async (tx) => {
    const current = await lockedInvoice(tx, scope, request.invoiceId);
    if (current.kind !== "invoice" || current.status === "void")
      throw new InvoiceRefusal("NOT_PAYABLE", [
        `${current.number} is ${current.kind === "invoice" ? "void" : "a credit note"}; it takes no payments`,
      ]);
    const outstanding = current.totalMinor - current.creditedMinor - current.paidMinor;
    if (request.amountMinor > outstanding) {
      throw new InvoiceRefusal("OVERPAYMENT", [
        `the payment exceeds the ${outstanding} minor units still due on ${current.number}`,
      ]);
    }
    const payment = await tx.payment.create({
      data: {
        organisationId: scope.organisationId,
        invoiceId: current.id,
        amountMinor: BigInt(request.amountMinor),
        paidOn: new Date(`${request.paidOn}T00:00:00Z`),
        method: request.method,
        reference: request.reference,
      },
    });
    const status = paymentStatus(current.totalMinor, current.paidMinor + request.amountMinor, current.creditedMinor);
    await tx.invoice.update({ where: { id: current.id }, data: { status } });
    await appendUserAuditEvent(tx, scope, {
      action: "invoice.payment_recorded",
      entityType: "invoice",
      entityId: current.id,
      engagementId: current.engagementId,
      before: { status: current.status, paidMinor: current.paidMinor },
      after: { status, paidMinor: current.paidMinor + request.amountMinor },
      data: {
        paymentId: payment.id,
        amountMinor: request.amountMinor,
        paidOn: request.paidOn,
        method: request.method,
        reference: request.reference,
      },
    });
    if (status === "paid") await moveInvoicedMilestones(tx, scope, current, "paid", "milestone.pay");
    return view(await tx.invoice.findUniqueOrThrow({ where: { id: current.id }, include: invoiceInclude }));
  });
}

/**
 * Corrects an issued invoice with a credit note of its own series; without an amount it credits
 * the whole invoice, which voids it and makes its milestones invoiceable again.
 */
export async function issueCreditNote(
  scope: OrgScope,
  request: { invoiceId: string; reason: string; subtotalMinor?: number; issueDate?: string },
  pdf: PdfIssuer,
): Promise<InvoiceView> {
  return transaction(async (tx) => {
    const original = await lockedInvoice(tx, scope, request.invoiceId);
    if (original.kind !== "invoice" || original.status === "void")
      throw new InvoiceRefusal("NOT_CREDITABLE", [`${original.number} cannot be credited`]);
    const full = request.subtotalMinor === undefined;
    const creditedSubtotal = full ? original.subtotalMinor : request.subtotalMinor!;
    if (!full && (creditedSubtotal <= 0 || creditedSubtotal >= original.subtotalMinor)) {
      throw new InvoiceRefusal("BAD_AMOUNT", [
        `a partial credit must be between 1 and ${original.subtotalMinor - 1} minor units before tax; ` +
          `leave it empty to credit everything`,
      ]);
    }
    const lines = full
      ? original.lines.map((l) => ({
          milestoneId: l.milestoneId,
          description: l.description,
          shareBp: l.shareBp,
          amountMinor: l.amountMinor,
        }))
      : [{ milestoneId: null, description: request.reason, shareBp: null, amountMinor: creditedSubtotal }];
    const totals = full
      ? { subtotalMinor: original.subtotalMinor, taxMinor: original.taxMinor, totalMinor: original.totalMinor }
      : invoiceTotals(lines, original.taxRateBp);
    if (original.creditedMinor + totals.totalMinor > original.totalMinor)
      throw new InvoiceRefusal("BAD_AMOUNT", ["the credit notes would exceed the invoice"]);
    const issueDate = request.issueDate ?? isoDate(new Date());
    const { series, sequence, number } = await nextDocumentNumber(tx, scope.organisationId, "credit_note", issueDate);
    const engagement = await tx.engagement.findUniqueOrThrow({
      where: { id: original.engagementId },
      select: { title: true, client: { select: { name: true, legalName: true, taxId: true, address: true } } },
    });
    const stored = await pdf.issue({
      kind: "credit_note",
      number,
      creditedNumber: original.number,
      reason: request.reason,
      issueDate,
      dueDate: issueDate,
      currency: original.currency,
      taxRateBp: original.taxRateBp,
      ...totals,
      seller: await seller(tx, scope.organisationId),
      buyer: engagement.client,
      engagement: engagement.title,
      lines: lines.map((l) => ({ ...l, evidence: [] })),
    });
    await recordPdfBlob(tx, scope.organisationId, stored);
    const note = await tx.invoice.create({
      data: {
        ...documentData(
          scope.organisationId,
          {
            series,
            sequence,
            number,
            currency: original.currency,
            taxRateBp: original.taxRateBp,
            totals,
            issueDate,
            dueDate: issueDate,
            pdfSha256: stored.sha256,
          },
          lines,
        ),
        engagementId: original.engagementId,
        kind: "credit_note",
        creditedInvoiceId: original.id,
        reason: request.reason,
      },
      include: invoiceInclude,
    });
    const status = paymentStatus(original.totalMinor, original.paidMinor, original.creditedMinor + totals.totalMinor);
    await tx.invoice.update({ where: { id: original.id }, data: { status } });
    await appendUserAuditEvent(tx, scope, {
      action: "invoice.credited",
      entityType: "invoice",
      entityId: note.id,
      engagementId: original.engagementId,
      before: { invoice: original.number, status: original.status },
      after: { invoice: original.number, status, creditNote: number, ...totals },
      data: { reason: request.reason, pdfSha256: stored.sha256 },
    });
    if (status === "void") await moveInvoicedMilestones(tx, scope, original, "approved", "milestone.invoice_voided");
    return view(note);
  });
}
