import { documentWords, fill } from "../../domain/document-words";
import { invoiceTotals } from "../../domain/invoice";
import type { Locale } from "../../domain/locale";
import { parsePeriodKey, PeriodKeyError } from "../../domain/sla/period";
import type { ClauseCompliance, EngagementSlaReport } from "../../domain/sla/report";
import { appendUserAuditEvent } from "../audit/chain";
import { visibleEngagement } from "../engagement/visible";
import { isUniqueViolation } from "../idempotency";
import { documentData, nextDocumentNumber, recordPdfBlob, seller, type PdfIssuer } from "../invoice/document";
import { invoiceInclude, isoDate, view, type InvoiceView } from "../invoice/read";
import { organisationLocale } from "../organisation/settings";
import { prisma, transaction, type Tx } from "../prisma-client";
import { DataRefusal } from "../refusal";
import { lockOrganisationRow } from "../row-lock";
import type { OrgScope } from "../scope";
import { engagementCompliance } from "./compliance";

// The money side of an SLA: once a period has ended, the consultant issues one credit note for the
// period's credits (the credit-note series, a stored PDF, visible in the portal). A period is
// credited at most once: checked first, and held by the unique (engagementId, slaPeriod) under a race.

export class SlaCreditRefusal extends DataRefusal<
  "INVALID_PERIOD" | "PERIOD_OPEN" | "NOTHING_TO_CREDIT" | "ALREADY_CREDITED"
> {
  override name = "SlaCreditRefusal";
}

export interface SlaCreditNoteRequest {
  engagementId: string;
  period: string;
  issueDate?: string;
}

const alreadyCredited = (period: string, number: string | null) =>
  new SlaCreditRefusal("ALREADY_CREDITED", [
    `the SLA period ${period} is already credited${number ? ` (${number})` : ""}; a period is credited once`,
  ]);

const numberFormats = {
  en: new Intl.NumberFormat("en", { maximumFractionDigits: 4 }),
  "zh-CN": new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 4 }),
};

/** The clauses whose credit this period pays, each as its line on the note (in the document's language). */
export function creditLines(report: EngagementSlaReport, locale: Locale) {
  const words = documentWords(locale, "invoice");
  const describe = (clause: ClauseCompliance) =>
    clause.incidents.length > 0 || clause.value === null
      ? fill(words.slaLine, { clause: clause.title, period: report.period, incidents: String(clause.incidents.length) })
      : fill(words.slaLineValue, {
          clause: clause.title,
          period: report.period,
          value: numberFormats[locale].format(clause.value),
          target: numberFormats[locale].format(clause.target),
          unit: clause.unit,
        });
  return report.clauses
    .filter((clause) => clause.creditApplies && clause.creditMinor > 0)
    .map((clause) => ({
      clause,
      line: { milestoneId: null, description: describe(clause), shareBp: null, amountMinor: clause.creditMinor },
    }));
}

/** The period must have ended for every clause it pays (each in its own time zone); until then credits can change. */
function refuseOpenPeriod(report: EngagementSlaReport, now: Date): void {
  const open = report.clauses.filter((c) => c.creditApplies && Date.parse(c.period.to) > now.getTime());
  if (open.length > 0)
    throw new SlaCreditRefusal("PERIOD_OPEN", [
      `the period ${report.period} has not ended for ${open.map((c) => `"${c.title}" (until ${c.period.to})`).join(", ")}`,
    ]);
}

export async function issueSlaCreditNote(
  scope: OrgScope,
  request: SlaCreditNoteRequest,
  pdf: PdfIssuer,
  now = new Date(),
): Promise<InvoiceView> {
  let period: string;
  try {
    period = parsePeriodKey(request.period).key;
  } catch (error) {
    if (error instanceof PeriodKeyError) throw new SlaCreditRefusal("INVALID_PERIOD", [error.message]);
    throw error;
  }
  await visibleEngagement(scope, request.engagementId);
  const credited = await prisma().invoice.findFirst({
    where: { organisationId: scope.organisationId, engagementId: request.engagementId, slaPeriod: period },
    select: { number: true },
  });
  if (credited) throw alreadyCredited(period, credited.number);
  const report = await engagementCompliance(scope, request.engagementId, period, now);
  refuseOpenPeriod(report, now);
  const locale = await organisationLocale(scope);
  const credits = creditLines(report, locale);
  if (credits.length === 0)
    throw new SlaCreditRefusal("NOTHING_TO_CREDIT", [`no SLA clause earned a credit in ${period}`]);
  try {
    return await transaction((tx) => issueNote(tx, scope, { ...request, period }, report, credits, locale, pdf, now));
  } catch (error) {
    // two issues of one period at once: the second meets the unique (engagementId, slaPeriod)
    if (isUniqueViolation(error)) {
      const winner = await prisma().invoice.findFirst({
        where: { organisationId: scope.organisationId, engagementId: request.engagementId, slaPeriod: period },
        select: { number: true },
      });
      if (winner) throw alreadyCredited(period, winner.number);
    }
    throw error;
  }
}

async function issueNote(
  tx: Tx,
  scope: OrgScope,
  request: SlaCreditNoteRequest & { period: string },
  report: EngagementSlaReport,
  credits: ReturnType<typeof creditLines>,
  locale: Locale,
  pdf: PdfIssuer,
  now: Date,
): Promise<InvoiceView> {
  // issues for one engagement queue here, so the check below sees a note committed a moment ago
  await lockOrganisationRow(tx, "Engagement", request.engagementId, scope.organisationId);
  const credited = await tx.invoice.findFirst({
    where: { engagementId: request.engagementId, slaPeriod: request.period },
    select: { number: true },
  });
  if (credited) throw alreadyCredited(request.period, credited.number);
  const engagement = await tx.engagement.findUniqueOrThrow({
    where: { id: request.engagementId },
    select: {
      title: true,
      currency: true,
      taxRateBp: true,
      client: { select: { name: true, legalName: true, taxId: true, address: true } },
    },
  });
  const lines = credits.map((c) => c.line);
  const totals = invoiceTotals(lines, engagement.taxRateBp);
  const issueDate = request.issueDate ?? isoDate(now);
  const reason = fill(documentWords(locale, "invoice").slaReason, { period: request.period });
  const { series, sequence, number } = await nextDocumentNumber(tx, scope.organisationId, "credit_note", issueDate);
  const stored = await pdf.issue({
    kind: "credit_note",
    number,
    creditedNumber: null,
    slaPeriod: request.period,
    reason,
    issueDate,
    dueDate: issueDate,
    currency: engagement.currency,
    taxRateBp: engagement.taxRateBp,
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
          currency: engagement.currency,
          taxRateBp: engagement.taxRateBp,
          totals,
          issueDate,
          dueDate: issueDate,
          pdfSha256: stored.sha256,
        },
        lines,
      ),
      engagementId: request.engagementId,
      kind: "credit_note",
      creditedInvoiceId: null,
      slaPeriod: request.period,
      reason,
    },
    include: invoiceInclude,
  });
  await appendUserAuditEvent(tx, scope, {
    action: "sla.credit_note_issued",
    entityType: "invoice",
    entityId: note.id,
    engagementId: request.engagementId,
    after: { creditNote: number, period: request.period, currency: engagement.currency, ...totals },
    data: {
      period: request.period,
      reportTotalCreditMinor: report.totalCreditMinor,
      clauses: credits.map(({ clause }) => ({
        id: clause.id,
        title: clause.title,
        version: clause.version,
        creditMinor: clause.creditMinor,
        incidents: clause.incidents.length,
        capped: clause.capped,
      })),
      pdfSha256: stored.sha256,
    },
  });
  return view(note);
}
