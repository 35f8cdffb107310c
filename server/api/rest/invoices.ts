import { Readable } from "node:stream";
import type { z } from "zod";
import { amountReaderOf, seesAmounts } from "../../domain/amount-visibility";
import { toCsv } from "../../domain/csv";
import { minorToDecimal, minorUnitDigits } from "../../domain/currency";
import { invoicePdfLocation, listInvoices } from "../../data/invoice/read";
import { blobStore } from "../../services/storage/blob-store";
import type { SessionClaims } from "../../auth";
import { withOverdue } from "../routers/invoice/invoice.schema";
import { ZInvoiceListQuery, type RestInvoice, type ZInvoiceListResponse } from "./contracts/invoices";
import { ZIdParams, parseRequest, queryOf } from "./contracts/shared";
import { attachment, errorResponse, json, refused } from "./respond";
import { restScope } from "./session-scope";

// GET /api/v1/invoices[?format=csv] and GET /api/v1/invoices/{id}/pdf for consultants (their
// organisation's) and client users (their client's). The PDF is the stored issued document.

/** One invoice as the REST API writes it; figures are null for a reader who may not see them. */
export function restInvoice(i: ReturnType<typeof withOverdue>, showAmounts: boolean): RestInvoice {
  const amount = (minor: number) => (showAmounts ? minor : null);
  return {
    id: i.id,
    number: i.number,
    kind: i.kind,
    credits: i.creditedNumber,
    engagement: i.engagementTitle,
    client: i.clientName,
    status: i.status,
    overdue: i.overdue,
    currency: i.currency,
    subtotalMinor: amount(i.subtotalMinor),
    taxMinor: amount(i.taxMinor),
    totalMinor: amount(i.totalMinor),
    paidMinor: amount(i.paidMinor),
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    pdfSha256: i.pdfSha256,
  };
}

export async function listInvoicesRest(session: SessionClaims | null, request: Request): Promise<Response> {
  const { scope, response } = await restScope(session);
  if (response) return response;
  const query = parseRequest(ZInvoiceListQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  const reader = amountReaderOf(scope);
  const invoices = (await listInvoices(scope)).map(withOverdue);
  // a viewer of an engagement that hides amounts gets the invoice's existence, never its figures
  const rows = invoices.map((i) => restInvoice(i, seesAmounts(reader, i)));
  if (query.data.format === "json") return json({ invoices: rows } satisfies z.infer<typeof ZInvoiceListResponse>);
  const decimal = (minor: number | null, currency: string) =>
    minor === null ? "" : minorToDecimal(minor, minorUnitDigits(currency));
  const csv = toCsv(
    [
      "number",
      "kind",
      "credits",
      "engagement",
      "client",
      "status",
      "overdue",
      "currency",
      "subtotal",
      "tax",
      "total",
      "paid",
      "issue_date",
      "due_date",
      "pdf_sha256",
    ],
    rows.map((r) => [
      r.number,
      r.kind,
      r.credits,
      r.engagement,
      r.client,
      r.status,
      r.overdue ? "yes" : "no",
      r.currency,
      decimal(r.subtotalMinor, r.currency),
      decimal(r.taxMinor, r.currency),
      decimal(r.totalMinor, r.currency),
      decimal(r.paidMinor, r.currency),
      r.issueDate,
      r.dueDate,
      r.pdfSha256,
    ]),
  );
  return attachment(`\uFEFF${csv}`, { type: "text/csv; charset=utf-8", filename: "invoices.csv" });
}

export async function invoicePdfRest(session: SessionClaims | null, invoiceId: string): Promise<Response> {
  const { scope, response } = await restScope(session);
  if (response) return response;
  const params = parseRequest(ZIdParams, { id: invoiceId }, "path");
  if (!params.ok) return params.response;
  let pdf: Awaited<ReturnType<typeof invoicePdfLocation>>;
  try {
    pdf = await invoicePdfLocation(scope, params.data.id);
  } catch (error) {
    return errorResponse(error);
  }
  if (!seesAmounts(amountReaderOf(scope), pdf))
    return refused(403, "FORBIDDEN", [
      "this engagement's amounts are hidden from viewers; ask an approver for the invoice",
    ]);
  const body = Readable.toWeb(blobStore().open(pdf.storageKey)) as unknown as ReadableStream<Uint8Array>;
  return attachment(body, {
    type: "application/pdf",
    filename: `${pdf.number.replace(/[^\w.-]+/g, "_")}.pdf`,
    length: Number(pdf.sizeBytes),
    etag: pdf.sha256,
  });
}
