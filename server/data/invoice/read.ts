import type { Prisma } from "@prisma/client";
import { prisma, toMinor } from "../prisma-client";
import type { ClientScope, OrgScope } from "../scope";
import { NotFound } from "../refusal";
import { readUsageLineDetail, type UsageLineDetail } from "../../domain/usage/invoice-line";

// Invoices and credit notes as consultants and client users read them (figures in minor units).

export interface InvoiceView {
  id: string;
  kind: "invoice" | "credit_note";
  number: string;
  engagementId: string;
  engagementTitle: string;
  clientName: string;
  /** the engagement hides amounts from the client's viewers (server/domain/amount-visibility.ts) */
  hideAmountsFromViewers: boolean;
  creditedInvoiceId: string | null;
  creditedNumber: string | null;
  /** an SLA credit note: the SLA period it credits (e.g. 2026-11) */
  slaPeriod: string | null;
  status: "issued" | "partially_paid" | "paid" | "void";
  currency: string;
  taxRateBp: number;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidMinor: number;
  creditedMinor: number;
  issueDate: string;
  dueDate: string;
  pdfSha256: string | null;
  reason: string;
  lines: {
    milestoneId: string | null;
    description: string;
    shareBp: number | null;
    amountMinor: number;
    /** a usage line: the meter's quantities and tiers for the period, as issued */
    usage?: UsageLineDetail;
  }[];
  payments: { id: string; amountMinor: number; paidOn: string; method: string; reference: string }[];
}

export const invoiceInclude = {
  lines: { orderBy: { position: "asc" } },
  payments: { orderBy: { paidOn: "asc" } },
  creditNotes: { select: { totalMinor: true } },
  creditedInvoice: { select: { number: true } },
  engagement: { select: { title: true, hideAmountsFromViewers: true, client: { select: { name: true } } } },
} satisfies Prisma.InvoiceInclude;

export type InvoiceRow = Prisma.InvoiceGetPayload<{ include: typeof invoiceInclude }>;

export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function view(row: InvoiceRow): InvoiceView {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    engagementId: row.engagementId,
    engagementTitle: row.engagement.title,
    clientName: row.engagement.client.name,
    hideAmountsFromViewers: row.engagement.hideAmountsFromViewers,
    creditedInvoiceId: row.creditedInvoiceId,
    creditedNumber: row.creditedInvoice?.number ?? null,
    slaPeriod: row.slaPeriod,
    status: row.status,
    currency: row.currency,
    taxRateBp: row.taxRateBp,
    subtotalMinor: toMinor(row.subtotalMinor),
    taxMinor: toMinor(row.taxMinor),
    totalMinor: toMinor(row.totalMinor),
    paidMinor: row.payments.reduce((sum, p) => sum + toMinor(p.amountMinor), 0),
    creditedMinor: row.creditNotes.reduce((sum, c) => sum + toMinor(c.totalMinor), 0),
    issueDate: isoDate(row.issueDate),
    dueDate: isoDate(row.dueDate),
    pdfSha256: row.pdfSha256,
    reason: row.reason,
    lines: row.lines.map((l) => {
      const usage = readUsageLineDetail(l.usage);
      return {
        milestoneId: l.milestoneId,
        description: l.description,
        shareBp: l.shareBp,
        amountMinor: toMinor(l.amountMinor),
        ...(usage ? { usage } : {}),
      };
    }),
    payments: row.payments.map((p) => ({
      id: p.id,
      amountMinor: toMinor(p.amountMinor),
      paidOn: isoDate(p.paidOn),
      method: p.method,
      reference: p.reference,
    })),
  };
}

/** The scope's invoices, or one engagement's (NOT_FOUND when that engagement is not the scope's to see). */
export async function listInvoices(
  scope: OrgScope | ClientScope,
  filter: { engagementId?: string } = {},
): Promise<InvoiceView[]> {
  if (filter.engagementId) {
    const visible = await prisma().engagement.count({
      where: {
        id: filter.engagementId,
        organisationId: scope.organisationId,
        ...("clientId" in scope ? { clientId: scope.clientId, status: { not: "draft" } } : {}),
      },
    });
    if (visible === 0) throw new NotFound("Engagement");
  }
  const rows = await prisma().invoice.findMany({
    where: {
      organisationId: scope.organisationId,
      ...(filter.engagementId ? { engagementId: filter.engagementId } : {}),
      ...("clientId" in scope ? { engagement: { clientId: scope.clientId, status: { not: "draft" } } } : {}),
    },
    include: invoiceInclude,
    orderBy: [{ issueDate: "desc" }, { number: "desc" }],
  });
  return rows.map(view);
}

export async function findInvoice(scope: OrgScope | ClientScope, invoiceId: string): Promise<InvoiceView> {
  const row = await prisma().invoice.findFirst({
    where: {
      id: invoiceId,
      organisationId: scope.organisationId,
      ...("clientId" in scope ? { engagement: { clientId: scope.clientId, status: { not: "draft" } } } : {}),
    },
    include: invoiceInclude,
  });
  if (!row) throw new NotFound("Invoice");
  return view(row);
}

/** Where an issued document's PDF is stored (it is served from there, never rendered again). */
export async function invoicePdfLocation(
  scope: OrgScope | ClientScope,
  invoiceId: string,
): Promise<{ number: string; sha256: string; storageKey: string; sizeBytes: number; hideAmountsFromViewers: boolean }> {
  const invoice = await findInvoice(scope, invoiceId);
  const blob = invoice.pdfSha256
    ? await prisma().blob.findUnique({
        where: { organisationId_sha256: { organisationId: scope.organisationId, sha256: invoice.pdfSha256 } },
      })
    : null;
  if (!blob) throw new NotFound("Invoice");
  return {
    number: invoice.number,
    sha256: blob.sha256,
    storageKey: blob.storageKey,
    sizeBytes: Number(blob.sizeBytes),
    hideAmountsFromViewers: invoice.hideAmountsFromViewers,
  };
}
