import type { Locale } from "../../domain/locale";
import { usageLineDescription, type UsageLineDetail } from "../../domain/usage/invoice-line";
import { usagePeriodClosesAt, ZUsagePeriod } from "../../domain/usage/period";
import { idempotencyActor, isUniqueViolation, runOnce } from "../idempotency";
import type { PdfIssuer } from "../invoice/document";
import { findInvoicedEngagement, issueInvoiceDocument } from "../invoice/issue-document";
import { findInvoice, isoDate, view, type InvoiceView } from "../invoice/read";
import { organisationLocale } from "../organisation/settings";
import { prisma, type Tx } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import { lockOrganisationRow } from "../row-lock";
import type { OrgScope } from "../scope";
import { usageReport, type UsageMeterReport, type UsageReport } from "./report";

// The invoice for a closed usage period: one line per meter that counted usage and is not yet
// invoiced for the period, each line's amount the exact sum of its tiers rounded once. Numbered,
// rendered and stored like every invoice, in one transaction. A meter's period is invoiced at most
// once: issues for one engagement queue on its meters' row locks and check again under them, and
// the unique (meterId, usagePeriod) of the invoice lines holds it whatever happens.

export class UsageInvoiceRefusal extends DataRefusal<
  "INVALID_PERIOD" | "PERIOD_OPEN" | "ALREADY_INVOICED" | "NOTHING_TO_INVOICE"
> {
  override name = "UsageInvoiceRefusal";
}

export interface UsageInvoiceRequest {
  engagementId: string;
  /** YYYY-MM */
  period: string;
  /** retries with the same key answer the same invoice (see idempotency.ts) */
  idempotencyKey?: string;
  /** YYYY-MM-DD; today (UTC) by default */
  issueDate?: string;
}

const alreadyInvoiced = (period: string, lines: { meter: string; number: string }[]) =>
  new UsageInvoiceRefusal(
    "ALREADY_INVOICED",
    lines.map(({ meter, number }) => `the usage of meter "${meter}" for ${period} is already invoiced on ${number}`),
  );

/** Refuses a period that has not closed for every meter: events may still arrive for it. */
function refuseOpenPeriod(report: UsageReport, period: string): void {
  if (report.closed) return;
  const closesAt =
    report.meters.length === 0
      ? new Date(usagePeriodClosesAt(period, "UTC")).toISOString()
      : report.meters.map((meter) => meter.closesAt).sort((a, b) => Date.parse(b) - Date.parse(a))[0]!;
  throw new UsageInvoiceRefusal("PERIOD_OPEN", [
    `usage for ${period} can be invoiced once the period closes at ${closesAt}`,
  ]);
}

/** The meters this invoice bills: those with usage in the period and no invoice line for it yet. */
function metersToBill(report: UsageReport, period: string): UsageMeterReport[] {
  const counted = report.meters.filter((meter) => meter.quantity > 0);
  const open = counted.filter((meter) => meter.invoice === null);
  if (open.length > 0) return open;
  const invoiced = counted.flatMap((meter) =>
    meter.invoice ? [{ meter: meter.meter, number: meter.invoice.number }] : [],
  );
  if (invoiced.length > 0) throw alreadyInvoiced(period, invoiced);
  throw new UsageInvoiceRefusal("NOTHING_TO_INVOICE", [`no meter of the engagement counted any usage in ${period}`]);
}

export async function issueUsageInvoice(
  scope: OrgScope,
  request: UsageInvoiceRequest,
  pdf: PdfIssuer,
  now: Date = new Date(),
): Promise<InvoiceView> {
  const parsed = ZUsagePeriod.safeParse(request.period);
  if (!parsed.success) throw new UsageInvoiceRefusal("INVALID_PERIOD", [`period: ${parsed.error.issues[0]!.message}`]);
  const period = parsed.data;
  const body = { engagementId: request.engagementId, period };
  // read before the transaction (the report reads outside it); a period is billed only once closed,
  // so its quantities no longer change, and whether a meter is invoiced is checked again under the lock
  const report = await usageReport(scope, request.engagementId, period, now);
  const locale = await organisationLocale(scope);
  try {
    return await runOnce(idempotencyActor(scope), request.idempotencyKey, "usage.invoice", body, {
      run: async (tx) => {
        refuseOpenPeriod(report, period);
        const meters = metersToBill(report, period);
        return issueInTransaction(tx, scope, { ...request, period }, report, meters, locale, pdf, now);
      },
      store: (invoice) => ({ invoiceId: invoice.id }),
      replay: (stored) => findInvoice(scope, (stored as { invoiceId: string }).invoiceId),
    });
  } catch (error) {
    // an issue that raced past the locks meets the unique (meterId, usagePeriod): name the winner
    if (isUniqueViolation(error)) {
      const winners = await invoicedLines(prisma(), scope, request.engagementId, period);
      if (winners.length > 0) throw alreadyInvoiced(period, winners);
    }
    throw error;
  }
}

async function invoicedLines(db: Tx, scope: OrgScope, engagementId: string, period: string) {
  const lines = await db.invoiceLine.findMany({
    where: { organisationId: scope.organisationId, usagePeriod: period, meter: { engagementId } },
    select: { meter: { select: { meter: true } }, invoice: { select: { number: true } } },
    orderBy: { position: "asc" },
  });
  return lines.map((line) => ({ meter: line.meter!.meter, number: line.invoice.number }));
}

function usageDetail(meter: UsageMeterReport, unit: string, period: string): UsageLineDetail {
  return {
    meter: meter.meter,
    unit,
    period,
    quantity: meter.quantity,
    freeQuantity: meter.freeQuantity,
    billableQuantity: meter.billableQuantity,
    tiers: meter.tiers,
    amountExact: meter.amountExact,
    byTenant: meter.byTenant,
  };
}

async function issueInTransaction(
  tx: Tx,
  scope: OrgScope,
  request: UsageInvoiceRequest,
  report: UsageReport,
  meters: UsageMeterReport[],
  locale: Locale,
  pdf: PdfIssuer,
  now: Date,
): Promise<InvoiceView> {
  const { period } = request;
  // usage issues of one engagement queue on its row; the check below then sees a line committed a
  // moment ago
  if (!(await lockOrganisationRow(tx, "Engagement", request.engagementId, scope.organisationId)))
    throw new NotFound("Engagement");
  const taken = (await invoicedLines(tx, scope, request.engagementId, period)).filter((line) =>
    meters.some((meter) => meter.meter === line.meter),
  );
  if (taken.length > 0) throw alreadyInvoiced(period, taken);
  const engagement = await findInvoicedEngagement(tx, scope, request.engagementId);
  const lines = meters.map((meter) => {
    const usage = usageDetail(meter, meter.unit, period);
    return {
      milestoneId: null,
      description: usageLineDescription(usage, locale),
      shareBp: null,
      amountMinor: meter.amountMinor,
      meterId: meter.meterId,
      usagePeriod: period,
      usage,
    };
  });
  const { invoice } = await issueInvoiceDocument(tx, { kind: "user", scope }, pdf, {
    engagement,
    lines,
    issueDate: request.issueDate ?? isoDate(now),
    usagePeriod: period,
    idempotencyKey: request.idempotencyKey,
    auditData: {
      usagePeriod: period,
      meters: lines.map((line) => ({
        meterId: line.meterId,
        meter: line.usage.meter,
        quantity: line.usage.quantity,
        billableQuantity: line.usage.billableQuantity,
        amountExact: line.usage.amountExact,
        amountMinor: line.amountMinor,
      })),
      reportTotalMinor: report.totalMinor,
    },
  });
  return view(invoice);
}
