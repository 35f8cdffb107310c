import type { Locale } from "../../domain/locale";
import { appendUserAuditEvent } from "../audit/chain";
import { prisma, transaction } from "../prisma-client";
import type { OrgScope } from "../scope";

/** The language an organisation's documents are written in. */
export async function organisationLocale(scope: OrgScope): Promise<Locale> {
  const org = await prisma().organisation.findUniqueOrThrow({
    where: { id: scope.organisationId },
    select: { locale: true },
  });
  return org.locale === "zh-CN" ? "zh-CN" : "en";
}

export interface SellerDetailsView {
  name: string;
  legalName: string;
  taxId: string;
  address: string;
  paymentInstructions: string;
}

export async function sellerDetails(scope: OrgScope): Promise<SellerDetailsView> {
  return prisma().organisation.findUniqueOrThrow({
    where: { id: scope.organisationId },
    select: { name: true, legalName: true, taxId: true, address: true, paymentInstructions: true },
  });
}

/** The seller printed on invoices issued from now on; issued invoices keep what they printed. */
export async function updateSellerDetails(
  scope: OrgScope,
  details: Omit<SellerDetailsView, "name">,
): Promise<SellerDetailsView> {
  return transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({
      where: { id: scope.organisationId },
      select: { legalName: true, taxId: true, address: true, paymentInstructions: true },
    });
    const after = await tx.organisation.update({
      where: { id: scope.organisationId },
      data: details,
      select: { name: true, legalName: true, taxId: true, address: true, paymentInstructions: true },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "organisation.seller_changed",
      entityType: "organisation",
      entityId: scope.organisationId,
      before: { ...before },
      after: { ...details },
    });
    return after;
  });
}

export interface NumberingView {
  invoicePattern: string;
  creditNotePattern: string;
}

const numberingSelect = { invoiceNumberPattern: true, creditNoteNumberPattern: true } as const;
const numberingView = (org: { invoiceNumberPattern: string; creditNoteNumberPattern: string }): NumberingView => ({
  invoicePattern: org.invoiceNumberPattern,
  creditNotePattern: org.creditNoteNumberPattern,
});

export async function numberingSettings(scope: OrgScope): Promise<NumberingView> {
  return numberingView(
    await prisma().organisation.findUniqueOrThrow({ where: { id: scope.organisationId }, select: numberingSelect }),
  );
}

/** The patterns documents issued from now on are numbered by; issued numbers never change. */
export async function updateNumbering(scope: OrgScope, numbering: NumberingView): Promise<NumberingView> {
  return transaction(async (tx) => {
    const before = numberingView(
      await tx.organisation.findUniqueOrThrow({ where: { id: scope.organisationId }, select: numberingSelect }),
    );
    const after = numberingView(
      await tx.organisation.update({
        where: { id: scope.organisationId },
        data: { invoiceNumberPattern: numbering.invoicePattern, creditNoteNumberPattern: numbering.creditNotePattern },
        select: numberingSelect,
      }),
    );
    await appendUserAuditEvent(tx, scope, {
      action: "organisation.numbering_changed",
      entityType: "organisation",
      entityId: scope.organisationId,
      before: { ...before },
      after: { ...after },
    });
    return after;
  });
}

export interface RenewalSettingsView {
  /** the renewal job issues the invoice it drafts (otherwise it stays a draft for the consultant) */
  renewalAutoIssue: boolean;
}

export async function renewalSettings(scope: OrgScope): Promise<RenewalSettingsView> {
  return prisma().organisation.findUniqueOrThrow({
    where: { id: scope.organisationId },
    select: { renewalAutoIssue: true },
  });
}

/** Whether renewal invoices drafted from now on are issued at once; drafts made before stay as they are. */
export async function updateRenewalSettings(
  scope: OrgScope,
  settings: RenewalSettingsView,
): Promise<RenewalSettingsView> {
  return transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({
      where: { id: scope.organisationId },
      select: { renewalAutoIssue: true },
    });
    const after = await tx.organisation.update({
      where: { id: scope.organisationId },
      data: { renewalAutoIssue: settings.renewalAutoIssue },
      select: { renewalAutoIssue: true },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "organisation.renewal_settings_changed",
      entityType: "organisation",
      entityId: scope.organisationId,
      before: { ...before },
      after: { ...after },
    });
    return after;
  });
}
