import { documentWords, fill } from "../../domain/document-words";
import { idempotencyActor, runOnce } from "../idempotency";
import type { PdfIssuer } from "../invoice/document";
import {
  invoicedEngagementSelect,
  issueInvoiceDocument,
  issuerOrganisation,
  type InvoiceIssuer,
} from "../invoice/issue-document";
import { findInvoice, isoDate, view, type InvoiceView } from "../invoice/read";
import { toMinor, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import { lockOrganisationRow } from "../row-lock";
import type { OrgScope } from "../scope";
import { MaintenanceRefusal } from "./write";

// A maintenance term's invoice: one line "Maintenance term n (from – to)" at the term's fee, with
// the engagement's tax rate and payment terms, numbered like every invoice. A term is invoiced at
// most once: its row is locked while it is issued, and MaintenanceTerm.invoiceId is unique.

export async function issueTermInvoice(
  scope: OrgScope,
  termId: string,
  pdf: PdfIssuer,
  options: { idempotencyKey?: string; issueDate?: string } = {},
): Promise<InvoiceView> {
  return runOnce(
    idempotencyActor(scope),
    options.idempotencyKey,
    "maintenance.issue_term",
    { termId },
    {
      run: (tx) => issueTermInvoiceIn(tx, { kind: "user", scope }, termId, pdf, options.issueDate),
      store: (invoice) => ({ invoiceId: invoice.id }),
      replay: (stored) => findInvoice(scope, (stored as { invoiceId: string }).invoiceId),
    },
  );
}

/** The same inside the caller's transaction (the renewal job issues with the term it drafts). */
export async function issueTermInvoiceIn(
  tx: Tx,
  /** a consultant, or the renewal job (a system event) when the organisation chose automatic issue */
  issuer: InvoiceIssuer,
  termId: string,
  pdf: PdfIssuer,
  issueDate = isoDate(new Date()),
): Promise<InvoiceView> {
  const organisationId = issuerOrganisation(issuer);
  if (!(await lockOrganisationRow(tx, "MaintenanceTerm", termId, organisationId)))
    throw new NotFound("Maintenance term");
  const term = await tx.maintenanceTerm.findUniqueOrThrow({
    where: { id: termId },
    select: {
      id: true,
      index: true,
      startsOn: true,
      endsOn: true,
      feeMinor: true,
      contractId: true,
      invoice: { select: { number: true } },
      contract: {
        select: {
          engagement: { select: invoicedEngagementSelect },
        },
      },
    },
  });
  if (term.invoice)
    throw new MaintenanceRefusal("ALREADY_INVOICED", [
      `maintenance term ${term.index} is already invoiced on ${term.invoice.number}; a term is invoiced once`,
    ]);
  const engagement = term.contract.engagement;
  const org = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { locale: true } });
  const locale = org.locale === "zh-CN" ? "zh-CN" : "en";
  const from = isoDate(term.startsOn);
  const to = isoDate(term.endsOn);
  const lines = [
    {
      milestoneId: null,
      description: fill(documentWords(locale, "invoice").maintenanceLine, { index: String(term.index), from, to }),
      shareBp: null,
      amountMinor: toMinor(term.feeMinor),
    },
  ];
  const { invoice } = await issueInvoiceDocument(tx, issuer, pdf, {
    engagement,
    lines,
    issueDate,
    auditData: { maintenanceTermId: term.id, term: term.index, contractId: term.contractId },
  });
  await tx.maintenanceTerm.update({ where: { id: term.id }, data: { invoiceId: invoice.id } });
  return view(invoice);
}
