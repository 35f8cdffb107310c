import type { z } from "zod";
import type { ContractFields, ZContractCreate } from "../../domain/maintenance/contract";
import { termSpan } from "../../domain/maintenance/terms";
import { appendUserAuditEvent } from "../audit/chain";
import { isoDate } from "../invoice/read";
import { toMinor, transaction, type Tx } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import type { OrgScope } from "../scope";
import { readContractIn, type ContractView } from "./read";

// Creating and editing maintenance contracts. A contract starts with its first term; later terms
// are drafted by the renewal job (./renew.ts) and keep the fee and dates they were drafted with,
// so an edit changes only what is not drafted yet. Edits are made on the revision the editor
// loaded (a stale one is refused, never merged).

export type ContractCreate = z.infer<typeof ZContractCreate>;

export class MaintenanceRefusal extends DataRefusal<
  | "BAD_REQUEST"
  | "CONFLICT"
  | "FORBIDDEN"
  | "NOTICE_CLOSED"
  | "ALREADY_ATTESTED"
  | "ALREADY_INVOICED"
  | "TERM_NOT_STARTED"
> {
  override name = "MaintenanceRefusal";
}

/** The day the delivery milestone was paid: the date of the payment that paid its invoice in full. */
async function deliveryPaidOn(tx: Tx, organisationId: string, engagementId: string): Promise<string | null> {
  const line = await tx.invoiceLine.findFirst({
    where: {
      organisationId,
      milestone: { engagementId, key: "delivery", state: "paid" },
      invoice: { kind: "invoice", status: "paid" },
    },
    select: {
      invoice: { select: { totalMinor: true, payments: { orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }] } } },
    },
    orderBy: { invoice: { issueDate: "desc" } },
  });
  if (!line) return null;
  let paid = 0n;
  for (const payment of line.invoice.payments) {
    paid += payment.amountMinor;
    if (paid >= line.invoice.totalMinor) return isoDate(payment.paidOn);
  }
  return null;
}

/** The upgrade-rights milestone: its amount, and the invoice it went on (the first year's fee) if any. */
async function upgradeMilestone(tx: Tx, organisationId: string, engagementId: string) {
  const milestone = await tx.milestone.findFirst({
    where: { organisationId, engagementId, key: "upgrade" },
    select: {
      amountMinor: true,
      invoiceLines: {
        where: { invoice: { kind: "invoice", status: { not: "void" } } },
        select: { invoiceId: true },
        take: 1,
      },
    },
  });
  if (!milestone) return null;
  return { amountMinor: toMinor(milestone.amountMinor), invoiceId: milestone.invoiceLines[0]?.invoiceId ?? null };
}

/** The clauses must be the engagement's own; another engagement's or organisation's: NotFound. */
async function checkClauses(tx: Tx, organisationId: string, engagementId: string, clauseIds: string[]) {
  const ids = [...new Set(clauseIds)];
  if (ids.length === 0) return ids;
  const found = await tx.slaClause.count({ where: { id: { in: ids }, organisationId, engagementId } });
  if (found !== ids.length) throw new NotFound("SLA clause");
  return ids;
}

function auditSummary(view: ContractView) {
  return {
    revision: view.revision,
    termMonths: view.termMonths,
    startsOn: view.startsOn,
    feeMinor: view.feeMinor,
    autoRenew: view.autoRenew,
    noticeDays: view.noticeDays,
    releaseTagPattern: view.releaseTagPattern,
    clauses: view.clauses.map((c) => c.id),
  };
}

export async function createContract(scope: OrgScope, input: ContractCreate): Promise<ContractView> {
  return transaction(async (tx) => {
    const engagement = await tx.engagement.findFirst({
      where: { id: input.engagementId, organisationId: scope.organisationId },
      select: { id: true },
    });
    if (!engagement) throw new NotFound("Engagement");
    const clauseIds = await checkClauses(tx, scope.organisationId, engagement.id, input.clauseIds);
    const upgrade = await upgradeMilestone(tx, scope.organisationId, engagement.id);
    const startsOn = input.startsOn ?? (await deliveryPaidOn(tx, scope.organisationId, engagement.id));
    const feeMinor = input.feeMinor ?? upgrade?.amountMinor ?? null;
    const missing = [
      ...(startsOn === null ? ["startsOn: give the start date: the delivery milestone has not been paid"] : []),
      ...(feeMinor === null ? ["feeMinor: give the fee per term: the engagement has no upgrade-rights milestone"] : []),
    ];
    if (startsOn === null || feeMinor === null) throw new MaintenanceRefusal("BAD_REQUEST", missing);
    const first = termSpan(startsOn, input.termMonths, 1);
    // the client paid the first year with the upgrade-rights invoice, unless another contract's term holds it
    const paidWith =
      upgrade?.invoiceId &&
      !(await tx.maintenanceTerm.findUnique({ where: { invoiceId: upgrade.invoiceId }, select: { id: true } }))
        ? upgrade.invoiceId
        : null;
    const contract = await tx.maintenanceContract.create({
      data: {
        organisationId: scope.organisationId,
        engagementId: engagement.id,
        termMonths: input.termMonths,
        startsOn: new Date(`${startsOn}T00:00:00Z`),
        feeMinor: BigInt(feeMinor),
        includes: input.includes,
        autoRenew: input.autoRenew,
        noticeDays: input.noticeDays,
        releaseTagPattern: input.releaseTagPattern,
        clauses: { create: clauseIds.map((clauseId) => ({ clauseId })) },
        terms: {
          create: {
            organisationId: scope.organisationId,
            index: 1,
            startsOn: new Date(`${first.from}T00:00:00Z`),
            endsOn: new Date(`${first.to}T00:00:00Z`),
            feeMinor: BigInt(feeMinor),
            invoiceId: paidWith,
          },
        },
      },
      select: { id: true },
    });
    const view = await readContractIn(tx, scope.organisationId, contract.id);
    await appendUserAuditEvent(tx, scope, {
      action: "maintenance.created",
      entityType: "maintenance_contract",
      entityId: contract.id,
      engagementId: engagement.id,
      after: auditSummary(view),
    });
    return view;
  });
}

const staleRefusal = (expected: number, current: number) =>
  new MaintenanceRefusal("CONFLICT", [
    `this contract was changed since revision ${expected} (now ${current}); reload and edit again`,
  ]);

/**
 * New fields for a contract, made on `revision`. Terms already drafted keep their dates and fee;
 * the start and term length may change only while the first term is the only one.
 */
export async function updateContract(
  scope: OrgScope,
  contractId: string,
  revision: number,
  fields: ContractFields,
): Promise<ContractView> {
  return transaction(async (tx) => {
    const current = await tx.maintenanceContract.findFirst({
      where: { id: contractId, organisationId: scope.organisationId },
      select: { id: true, engagementId: true, revision: true, _count: { select: { terms: true } } },
    });
    if (!current) throw new NotFound("Maintenance contract");
    if (current.revision !== revision) throw staleRefusal(revision, current.revision);
    const before = await readContractIn(tx, scope.organisationId, contractId);
    const calendarChanged = before.startsOn !== fields.startsOn || before.termMonths !== fields.termMonths;
    if (calendarChanged && current._count.terms > 1)
      throw new MaintenanceRefusal("CONFLICT", [
        "startsOn, termMonths: the calendar cannot change once a renewal term has been drafted",
      ]);
    const clauseIds = await checkClauses(tx, scope.organisationId, current.engagementId, fields.clauseIds);
    const { count } = await tx.maintenanceContract.updateMany({
      where: { id: contractId, organisationId: scope.organisationId, revision },
      data: {
        termMonths: fields.termMonths,
        startsOn: new Date(`${fields.startsOn}T00:00:00Z`),
        feeMinor: BigInt(fields.feeMinor),
        includes: fields.includes,
        autoRenew: fields.autoRenew,
        noticeDays: fields.noticeDays,
        releaseTagPattern: fields.releaseTagPattern,
        revision: revision + 1,
      },
    });
    if (count === 0) throw staleRefusal(revision, revision + 1);
    await tx.maintenanceContractClause.deleteMany({ where: { contractId } });
    if (clauseIds.length > 0)
      await tx.maintenanceContractClause.createMany({ data: clauseIds.map((clauseId) => ({ contractId, clauseId })) });
    if (calendarChanged) {
      // only term 1 exists (checked above): it follows the new calendar
      const first = termSpan(fields.startsOn, fields.termMonths, 1);
      await tx.maintenanceTerm.updateMany({
        where: { contractId, index: 1 },
        data: { startsOn: new Date(`${first.from}T00:00:00Z`), endsOn: new Date(`${first.to}T00:00:00Z`) },
      });
    }
    const after = await readContractIn(tx, scope.organisationId, contractId);
    await appendUserAuditEvent(tx, scope, {
      action: "maintenance.updated",
      entityType: "maintenance_contract",
      entityId: contractId,
      engagementId: current.engagementId,
      before: auditSummary(before),
      after: auditSummary(after),
    });
    return after;
  });
}
