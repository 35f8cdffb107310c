import type { Locale } from "../../domain/locale";
import { renewalDue } from "../../domain/maintenance/terms";
import { appendAuditEvent } from "../audit/chain";
import { isUniqueViolation } from "../idempotency";
import type { PdfIssuer } from "../invoice/document";
import type { NoticeDelivery } from "../notification/notices";
import { prisma, toMinor, transaction } from "../prisma-client";
import { lockOrganisationRow } from "../row-lock";
import { issueTermInvoiceIn } from "./issue";
import { notifyRenewalDrafted } from "./notify";
import { calendarOf } from "./read";

// Renewal: when the latest term's notice period starts, the next term is drafted (and its invoice
// issued, when the organisation chose automatic issue). Drafting is idempotent and runs once per
// term whatever the number of workers: the contract row is locked, the term is looked for again
// under the lock, and the unique (contractId, index) holds if anything slips past.

const CALENDAR_SELECT = {
  id: true,
  organisationId: true,
  engagementId: true,
  startsOn: true,
  termMonths: true,
  noticeDays: true,
  autoRenew: true,
  noticeGivenAt: true,
  terms: { select: { index: true }, orderBy: { index: "desc" as const }, take: 1 },
};

/** Every contract whose next term is due to be drafted today, across organisations (the sweep's work list). */
export async function findDueRenewals(
  today: string,
): Promise<{ organisationId: string; contractId: string; index: number }[]> {
  const contracts = await prisma().maintenanceContract.findMany({
    // a cancelled engagement renews nothing
    where: { autoRenew: true, noticeGivenAt: null, engagement: { status: { not: "cancelled" } } },
    select: CALENDAR_SELECT,
    orderBy: { id: "asc" },
  });
  return contracts.flatMap((contract) => {
    const latest = contract.terms[0];
    const due = latest ? renewalDue(calendarOf(contract), latest.index, today) : null;
    return due ? [{ organisationId: contract.organisationId, contractId: contract.id, index: due.index }] : [];
  });
}

/** The language the organisation's documents are written in (the renewal job's PDF issuer). */
export async function documentLocaleOf(organisationId: string): Promise<Locale> {
  const org = await prisma().organisation.findUnique({ where: { id: organisationId }, select: { locale: true } });
  return org?.locale === "zh-CN" ? "zh-CN" : "en";
}

/** Emails stored for the consultants to read in the app when no delivery is given. */
const STORED_ONLY: NoticeDelivery = { origin: "", smtpConfigured: false };

/** Drafts term `index` of the contract; false when it is there already or no longer due (notice given). */
export async function draftRenewal(
  contractId: string,
  index: number,
  today: string,
  pdf: PdfIssuer,
  delivery: NoticeDelivery = STORED_ONLY,
): Promise<boolean> {
  try {
    return await transaction(async (tx) => {
      const found = await tx.maintenanceContract.findUnique({
        where: { id: contractId },
        select: { organisationId: true },
      });
      if (!found || !(await lockOrganisationRow(tx, "MaintenanceContract", contractId, found.organisationId)))
        return false;
      const contract = await tx.maintenanceContract.findUniqueOrThrow({
        where: { id: contractId },
        select: {
          ...CALENDAR_SELECT,
          feeMinor: true,
          engagement: { select: { title: true, currency: true } },
          organisation: { select: { renewalAutoIssue: true } },
        },
      });
      const latest = contract.terms[0];
      if (!latest || latest.index >= index) return false;
      const due = renewalDue(calendarOf(contract), latest.index, today);
      if (!due || due.index !== index) return false;
      const term = await tx.maintenanceTerm.create({
        data: {
          organisationId: contract.organisationId,
          contractId,
          index,
          startsOn: new Date(`${due.from}T00:00:00Z`),
          endsOn: new Date(`${due.to}T00:00:00Z`),
          feeMinor: contract.feeMinor,
        },
        select: { id: true },
      });
      await appendAuditEvent(tx, {
        organisationId: contract.organisationId,
        actorKind: "system",
        actorId: null,
        action: "maintenance.renewal_drafted",
        entityType: "maintenance_term",
        entityId: term.id,
        engagementId: contract.engagementId,
        after: { contractId, index, from: due.from, to: due.to, feeMinor: toMinor(contract.feeMinor) },
        data: { on: today },
      });
      const invoice = contract.organisation.renewalAutoIssue
        ? await issueTermInvoiceIn(tx, { kind: "system", organisationId: contract.organisationId }, term.id, pdf, today)
        : null;
      await notifyRenewalDrafted(
        tx,
        {
          organisationId: contract.organisationId,
          engagementId: contract.engagementId,
          engagement: contract.engagement.title,
          index,
          from: due.from,
          to: due.to,
          feeMinor: toMinor(contract.feeMinor),
          currency: contract.engagement.currency,
          invoiceNumber: invoice?.number ?? null,
        },
        delivery,
      );
      return true;
    });
  } catch (error) {
    // another drafter committed the term between our look and our insert
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
