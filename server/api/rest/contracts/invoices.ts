import { z } from "zod";
import { ZSha256 } from "../../../domain/schemas";
import type { InvoiceView } from "../../../data/invoice/read";
import { ZIdParams, enumOf, fileResponse, refusalResponse, type RestOperation } from "./shared";

// GET /api/v1/invoices[?format=csv] and GET /api/v1/invoices/{id}/pdf

export const ZInvoiceListQuery = z.object({
  format: z.enum(["json", "csv"], { error: "must be json or csv" }).default("json"),
});

const amount = (description?: string) =>
  z
    .int()
    .nullable()
    .meta(description ? { description } : {});

export const ZRestInvoice = z.object({
  id: z.string().meta({ description: "for /api/v1/invoices/{id}/pdf" }),
  number: z.string(),
  kind: enumOf<InvoiceView["kind"]>()(["invoice", "credit_note"]),
  credits: z.string().nullable(),
  engagement: z.string(),
  client: z.string(),
  status: enumOf<InvoiceView["status"]>()(["issued", "partially_paid", "paid", "void"]),
  overdue: z.boolean(),
  currency: z.string(),
  subtotalMinor: amount("null for a client viewer when the engagement hides amounts from viewers (likewise below)"),
  taxMinor: amount(),
  totalMinor: amount(),
  paidMinor: amount(),
  issueDate: z.iso.date(),
  dueDate: z.iso.date(),
  pdfSha256: ZSha256.nullable(),
});
export type RestInvoice = z.infer<typeof ZRestInvoice>;

export const ZInvoiceListResponse = z.object({ invoices: z.array(ZRestInvoice) });

export const invoiceOperations: RestOperation[] = [
  {
    operationId: "listInvoices",
    method: "get",
    path: "/api/v1/invoices",
    summary: "Invoices and credit notes the caller may see (a consultant's organisation, a client user's client)",
    query: ZInvoiceListQuery,
    responses: {
      "200": {
        description: "Amounts in integer minor units (CSV: decimal strings; formula-like cells neutralised)",
        content: { "application/json": ZInvoiceListResponse, "text/csv": z.string() },
      },
      "400": refusalResponse("Unknown format"),
      "401": refusalResponse("No session"),
    },
  },
  {
    operationId: "getInvoicePdf",
    method: "get",
    path: "/api/v1/invoices/{id}/pdf",
    summary: "The issued PDF, byte for byte as stored when the invoice was issued (its SHA-256 is in the audit log)",
    params: ZIdParams,
    responses: {
      "200": fileResponse("application/pdf", "The PDF as an attachment"),
      "400": refusalResponse("The id is not an id"),
      "401": refusalResponse("No session"),
      "403": refusalResponse("A client viewer, when the engagement hides amounts from viewers"),
      "404": refusalResponse("Unknown invoice, or one the caller may not see"),
    },
  },
];
