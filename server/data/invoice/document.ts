import { formatDocumentNumber, seriesKey } from "../../domain/document-number";
import type { InvoiceDocumentSource } from "../../domain/invoice-document";
import { appendUserAuditEvent } from "../audit/chain";
import { DataRefusal } from "../refusal";
import type { Tx } from "../prisma-client";
import type { OrgScope } from "../scope";

// What issuing an invoice and a credit note share: the PDF port, refusals, the numbering counter,
// the document row, the seller, the stored PDF's blob row, and moving an invoice's milestones.

/** Renders an issued document and stores the bytes; answers where. Supplied by the API layer. */
export interface PdfIssuer {
  issue(source: InvoiceDocumentSource): Promise<{ sha256: string; storageKey: string; sizeBytes: number }>;
}

type InvoiceRefusalCode =
  | "NOT_FOUND"
  | "NOT_INVOICEABLE"
  | "IDEMPOTENCY_MISMATCH"
  | "OVERPAYMENT"
  | "NOT_PAYABLE"
  | "NOT_CREDITABLE"
  | "BAD_AMOUNT"
  | "NUMBER_TAKEN";

/** NOT_INVOICEABLE carries the state machine's refusal code of the first milestone refused as its causeCode. */
export class InvoiceRefusal extends DataRefusal<InvoiceRefusalCode> {
  override name = "InvoiceRefusal";
}

interface DocumentLine {
  milestoneId: string | null;
  description: string;
  shareBp: number | null;
  amountMinor: number;
}

/**
 * The columns an issued document (invoice or credit note) writes, amounts as BigInt; a line's own further columns (a
 * usage line's meter) are written as given.
 */
export function documentData<Line extends DocumentLine>(
  organisationId: string,
  doc: {
    series: string;
    sequence: number;
    number: string;
    currency: string;
    taxRateBp: number;
    totals: { subtotalMinor: number; taxMinor: number; totalMinor: number };
    issueDate: string;
    dueDate: string;
    pdfSha256: string;
  },
  lines: Line[],
) {
  return {
    organisationId,
    series: doc.series,
    sequence: doc.sequence,
    number: doc.number,
    currency: doc.currency,
    taxRateBp: doc.taxRateBp,
    subtotalMinor: BigInt(doc.totals.subtotalMinor),
    taxMinor: BigInt(doc.totals.taxMinor),
    totalMinor: BigInt(doc.totals.totalMinor),
    issueDate: new Date(`${doc.issueDate}T00:00:00Z`),
    dueDate: new Date(`${doc.dueDate}T00:00:00Z`),
    pdfSha256: doc.pdfSha256,
    lines: {
      create: lines.map((line, position) => ({
        ...line,
        organisationId,
        amountMinor: BigInt(line.amountMinor),
        position,
      })),
    },
  };
}

/**
 * The next number for a document of `kind` issued on `issueDate`, from the organisation's pattern,
 * taken inside the caller's transaction: an aborted issue gives its number back.
 */
export async function nextDocumentNumber(
  tx: Tx,
  organisationId: string,
  kind: "invoice" | "credit_note",
  issueDate: string,
) {
  const org = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { invoiceNumberPattern: true, creditNoteNumberPattern: true },
  });
  const pattern = kind === "invoice" ? org.invoiceNumberPattern : org.creditNoteNumberPattern;
  const { series, sequence, number } = await takeDocumentNumber(tx, organisationId, pattern, issueDate);
  // a changed pattern can meet a number an earlier pattern printed; numbers are never reused
  const taken = await tx.invoice.findUnique({
    where: { organisationId_number: { organisationId, number } },
    select: { id: true },
  });
  if (taken)
    throw new InvoiceRefusal("NUMBER_TAKEN", [
      `${number} was already issued under an earlier number pattern; change the pattern in the settings`,
    ]);
  return { series, sequence, number };
}

/**
 * The next number of `pattern` on `date`, from its series' gapless counter, inside the caller's
 * transaction. `seriesPrefix` keeps another kind of document (proposals) off the invoices' counters.
 */
export async function takeDocumentNumber(
  tx: Tx,
  organisationId: string,
  pattern: string,
  date: string,
  seriesPrefix = "",
): Promise<{ series: string; sequence: number; number: string }> {
  const series = `${seriesPrefix}${seriesKey(pattern, date)}`;
  const sequence = await takeNumber(tx, organisationId, series);
  return { series, sequence, number: formatDocumentNumber(pattern, date, sequence) };
}

/** Takes the next number of a series inside the caller's transaction (row lock until commit). */
async function takeNumber(tx: Tx, organisationId: string, series: string): Promise<number> {
  await tx.$executeRaw`INSERT INTO "InvoiceSequence" ("organisationId", "series", "nextNumber")
    VALUES (${organisationId}, ${series}, 1) ON CONFLICT DO NOTHING`;
  const rows = await tx.$queryRaw<{ taken: number }[]>`
    UPDATE "InvoiceSequence" SET "nextNumber" = "nextNumber" + 1
    WHERE "organisationId" = ${organisationId} AND "series" = ${series}
    RETURNING "nextNumber" - 1 AS taken`;
  return Number(rows[0]!.taken);
}

export async function seller(tx: Tx, organisationId: string) {
  const org = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { name: true, legalName: true, taxId: true, address: true, paymentInstructions: true },
  });
  return org;
}

export async function recordPdfBlob(
  tx: Tx,
  organisationId: string,
  pdf: { sha256: string; storageKey: string; sizeBytes: number },
) {
  await tx.blob.upsert({
    where: { organisationId_sha256: { organisationId, sha256: pdf.sha256 } },
    create: {
      organisationId,
      sha256: pdf.sha256,
      sizeBytes: BigInt(pdf.sizeBytes),
      mediaType: "application/pdf",
      storageKey: pdf.storageKey,
    },
    update: {},
  });
}

/**
 * Moves the invoiced milestones of a document to `to` (paid when it is paid, approved when it is
 * voided), each with its audit event; milestones in another state are left as they are.
 */
export async function moveInvoicedMilestones(
  tx: Tx,
  scope: OrgScope,
  invoice: { number: string; lines: { milestoneId: string | null }[] },
  to: "paid" | "approved",
  action: "milestone.pay" | "milestone.invoice_voided",
): Promise<void> {
  for (const line of invoice.lines) {
    if (!line.milestoneId) continue;
    const milestone = await tx.milestone.findUniqueOrThrow({
      where: { id: line.milestoneId },
      select: { id: true, state: true, version: true, engagementId: true },
    });
    if (milestone.state !== "invoiced") continue;
    await tx.milestone.update({
      where: { id: milestone.id },
      data: { state: to, version: milestone.version + 1, ...(to === "approved" ? { invoicedAmountMinor: null } : {}) },
    });
    await appendUserAuditEvent(tx, scope, {
      action,
      entityType: "milestone",
      entityId: milestone.id,
      engagementId: milestone.engagementId,
      before: { state: "invoiced", version: milestone.version },
      after: { state: to, version: milestone.version + 1 },
      data: { invoice: invoice.number },
    });
  }
}
