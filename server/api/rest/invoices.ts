import { Readable } from "node:stream";
import { isConsultantRole } from "../../domain/roles";
import { toCsv } from "../../domain/csv";
import { minorToDecimal, minorUnitDigits } from "../../domain/currency";
import { invoicePdfLocation, listInvoices } from "../../data/invoices";
import { resolveClientScope, resolveOrgScope } from "../../data/scope";
import { blobStore } from "../../storage/blob-store";
import type { SessionClaims } from "../../auth";
import { withOverdue } from "../routers/invoice/router";
import { json } from "./respond";

// GET /api/v1/invoices[?format=csv] and GET /api/v1/invoices/{id}/pdf for consultants (their
// organisation's) and client users (their client's). The PDF is the stored issued document.

async function scopeOf(session: SessionClaims) {
  return isConsultantRole(session.role) ? resolveOrgScope(session.userId) : resolveClientScope(session.userId);
}

export async function listInvoicesRest(session: SessionClaims | null, request: Request): Promise<Response> {
  if (!session) return json({ error: "UNAUTHORIZED", reasons: ["sign in first"] }, 401);
  const scope = await scopeOf(session);
  if (!scope) return json({ error: "UNAUTHORIZED", reasons: ["your account is no longer active"] }, 401);
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv") return json({ error: "BAD_REQUEST", reasons: ["format must be json or csv"] }, 400);
  const invoices = ((await listInvoices(scope)) ?? []).map(withOverdue);
  const rows = invoices.map((i) => ({
    number: i.number,
    kind: i.kind,
    credits: i.creditedNumber,
    engagement: i.engagementTitle,
    client: i.clientName,
    status: i.status,
    overdue: i.overdue,
    currency: i.currency,
    subtotalMinor: i.subtotalMinor,
    taxMinor: i.taxMinor,
    totalMinor: i.totalMinor,
    paidMinor: i.paidMinor,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    pdfSha256: i.pdfSha256,
  }));
  if (format === "json") return json({ invoices: rows });
  const decimal = (minor: number, currency: string) => minorToDecimal(minor, minorUnitDigits(currency));
  const csv = toCsv(
    ["number", "kind", "credits", "engagement", "client", "status", "overdue", "currency", "subtotal", "tax", "total", "paid", "issue_date", "due_date", "pdf_sha256"],
    rows.map((r) => [r.number, r.kind, r.credits, r.engagement, r.client, r.status, r.overdue ? "yes" : "no", r.currency, decimal(r.subtotalMinor, r.currency), decimal(r.taxMinor, r.currency), decimal(r.totalMinor, r.currency), decimal(r.paidMinor, r.currency), r.issueDate, r.dueDate, r.pdfSha256]),
  );
  return new Response(`\uFEFF${csv}`, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="invoices.csv"', "cache-control": "private, no-store" } });
}

export async function invoicePdfRest(session: SessionClaims | null, invoiceId: string): Promise<Response> {
  if (!session) return json({ error: "UNAUTHORIZED", reasons: ["sign in first"] }, 401);
  const scope = await scopeOf(session);
  if (!scope) return json({ error: "UNAUTHORIZED", reasons: ["your account is no longer active"] }, 401);
  const pdf = await invoicePdfLocation(scope, invoiceId);
  if (!pdf) return json({ error: "NOT_FOUND", reasons: ["invoice not found"] }, 404);
  const body = Readable.toWeb(blobStore().open(pdf.storageKey)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(pdf.sizeBytes),
      "content-disposition": `attachment; filename="${pdf.number.replace(/[^\w.-]+/g, "_")}.pdf"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      etag: `"${pdf.sha256}"`,
    },
  });
}
