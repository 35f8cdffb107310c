import type { Prisma } from "@prisma/client";
import type { JsonValue } from "../../domain/audit";
import { addDays, invoiceTotals } from "../../domain/invoice";
import type { InvoiceDocumentSource } from "../../domain/invoice-document";
import type { UsageLineDetail } from "../../domain/usage/invoice-line";
import { appendAuditEvent } from "../audit/chain";
import type { Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import type { OrgScope } from "../scope";
import { documentData, nextDocumentNumber, recordPdfBlob, seller, type PdfIssuer } from "./document";
import { invoiceInclude, type InvoiceRow } from "./read";

// What every invoice shares once its caller has decided what it bills (milestones, a usage period,
// a maintenance term): numbered, rendered and stored, written and audited in the caller's
// transaction, so an invoice reads and prints the same whatever it bills.

/** The engagement an invoice is issued under: its terms and the client it is addressed to. */
export const invoicedEngagementSelect = {
  id: true,
  title: true,
  currency: true,
  taxRateBp: true,
  paymentTermsDays: true,
  client: { select: { name: true, legalName: true, taxId: true, address: true } },
} satisfies Prisma.EngagementSelect;

export type InvoicedEngagement = Prisma.EngagementGetPayload<{ select: typeof invoicedEngagementSelect }>;

/** The scope's engagement to invoice, inside the caller's transaction. */
export async function findInvoicedEngagement(tx: Tx, scope: OrgScope, engagementId: string) {
  const engagement = await tx.engagement.findFirst({
    where: { id: engagementId, organisationId: scope.organisationId },
    select: invoicedEngagementSelect,
  });
  if (!engagement) throw new NotFound("Engagement");
  return engagement;
}

/** Who issues: a consultant, or a job (a system event), e.g. the maintenance renewal. */
export type InvoiceIssuer = { kind: "user"; scope: OrgScope } | { kind: "system"; organisationId: string };

export const issuerOrganisation = (issuer: InvoiceIssuer) =>
  issuer.kind === "user" ? issuer.scope.organisationId : issuer.organisationId;

export interface IssuedLine {
  milestoneId: string | null;
  description: string;
  shareBp: number | null;
  amountMinor: number;
  /** a milestone line: its gate's checks, printed under it */
  evidence?: InvoiceDocumentSource["lines"][number]["evidence"];
  /** a usage line: its meter and period (invoiced once together) and its quantities, stored and printed */
  meterId?: string;
  usagePeriod?: string;
  usage?: UsageLineDetail;
}

export interface InvoiceDocumentRequest {
  engagement: InvoicedEngagement;
  lines: IssuedLine[];
  /** YYYY-MM-DD */
  issueDate: string;
  /** a usage invoice: the period it bills, printed in its header */
  usagePeriod?: string;
  /** a user's retry key (see idempotency.ts) */
  idempotencyKey?: string;
  /** what this kind of invoice adds to its "invoice.issued" event; the PDF's digest follows it */
  auditData: { [key: string]: JsonValue };
}

/** Numbers, renders, stores, writes and audits an invoice inside the caller's transaction. */
export async function issueInvoiceDocument(
  tx: Tx,
  issuer: InvoiceIssuer,
  pdf: PdfIssuer,
  request: InvoiceDocumentRequest,
) {
  const organisationId = issuerOrganisation(issuer);
  const { engagement, lines, issueDate } = request;
  const totals = invoiceTotals(lines, engagement.taxRateBp);
  const dueDate = addDays(issueDate, engagement.paymentTermsDays);
  const { series, sequence, number } = await nextDocumentNumber(tx, organisationId, "invoice", issueDate);
  // rendered once, here: the stored bytes are what the client downloads, and their digest is audited
  const stored = await pdf.issue({
    kind: "invoice",
    number,
    creditedNumber: null,
    usagePeriod: request.usagePeriod ?? null,
    reason: "",
    issueDate,
    dueDate,
    currency: engagement.currency,
    taxRateBp: engagement.taxRateBp,
    ...totals,
    seller: await seller(tx, organisationId),
    buyer: engagement.client,
    engagement: engagement.title,
    lines: lines.map((line) => ({
      description: line.description,
      shareBp: line.shareBp,
      amountMinor: line.amountMinor,
      evidence: line.evidence ?? [],
      usage: line.usage ?? null,
    })),
  });
  await recordPdfBlob(tx, organisationId, stored);
  const invoice: InvoiceRow = await tx.invoice.create({
    data: {
      ...documentData(
        organisationId,
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
        lines.map(lineColumns),
      ),
      engagementId: engagement.id,
      kind: "invoice",
      // the key is the issuer's own (see idempotency.ts); the column keeps it for the record
      idempotencyKey:
        request.idempotencyKey && issuer.kind === "user" ? `${issuer.scope.userId}:${request.idempotencyKey}` : null,
    },
    include: invoiceInclude,
  });
  await appendAuditEvent(tx, {
    organisationId,
    actorKind: issuer.kind,
    actorId: issuer.kind === "user" ? issuer.scope.userId : null,
    action: "invoice.issued",
    entityType: "invoice",
    entityId: invoice.id,
    engagementId: engagement.id,
    after: { number, status: "issued", ...totals, currency: engagement.currency, dueDate },
    data: { ...request.auditData, pdfSha256: stored.sha256 },
  });
  return { invoice, number, totals, dueDate, pdfSha256: stored.sha256 };
}

function lineColumns(line: IssuedLine) {
  return {
    milestoneId: line.milestoneId,
    description: line.description,
    shareBp: line.shareBp,
    amountMinor: line.amountMinor,
    meterId: line.meterId ?? null,
    usagePeriod: line.usagePeriod ?? null,
    usage: line.usage as unknown as Prisma.InputJsonValue | undefined,
  };
}
