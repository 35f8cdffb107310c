import { decideNotice } from "../../domain/maintenance/terms";
import { appendUserAuditEvent } from "../audit/chain";
import { isoDate } from "../invoice/read";
import { transaction, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import { lockOrganisationRow } from "../row-lock";
import type { ClientScope } from "../scope";
import { notifyNoticeGiven } from "./notify";
import { calendarOf, readContractIn, type ContractView } from "./read";
import { MaintenanceRefusal } from "./write";

// The client's two acts on a maintenance contract, both the approver's alone: giving notice (before
// the latest term's notice date; the contract then ends at that term's end and is not renewed) and
// attesting that access to the upgrade channel was granted for a term.

const approverOnly = (scope: ClientScope, act: string) => {
  if (scope.role !== "approver")
    throw new MaintenanceRefusal("FORBIDDEN", [`only the client's approver ${act}; viewers see the contract`]);
};

/** The client's own contract (another client's or organisation's: NotFound), its row locked. */
async function lockClientContract(tx: Tx, scope: ClientScope, contractId: string) {
  const row = await tx.maintenanceContract.findFirst({
    where: {
      id: contractId,
      organisationId: scope.organisationId,
      engagement: { clientId: scope.clientId, status: { not: "draft" } },
    },
    select: { id: true },
  });
  if (!row || !(await lockOrganisationRow(tx, "MaintenanceContract", row.id, scope.organisationId)))
    throw new NotFound("Maintenance contract");
  return tx.maintenanceContract.findUniqueOrThrow({
    where: { id: row.id },
    select: {
      id: true,
      engagementId: true,
      startsOn: true,
      termMonths: true,
      noticeDays: true,
      autoRenew: true,
      noticeGivenAt: true,
      revision: true,
      engagement: { select: { title: true } },
      terms: { select: { index: true }, orderBy: { index: "desc" }, take: 1 },
    },
  });
}

export async function giveNotice(
  scope: ClientScope,
  contractId: string,
  today = isoDate(new Date()),
): Promise<ContractView> {
  return transaction(async (tx) => {
    const contract = await lockClientContract(tx, scope, contractId);
    approverOnly(scope, "gives notice");
    const latestIndex = contract.terms[0]?.index ?? 1;
    const decision = decideNotice(
      {
        ...calendarOf(contract),
        noticeGivenOn: contract.noticeGivenAt ? isoDate(contract.noticeGivenAt) : null,
      },
      latestIndex,
      today,
    );
    if (!decision.ok) throw new MaintenanceRefusal("NOTICE_CLOSED", decision.reasons);
    const user = await tx.user.findUniqueOrThrow({ where: { id: scope.userId }, select: { name: true } });
    const now = new Date();
    await tx.maintenanceContract.update({
      where: { id: contract.id },
      data: {
        noticeGivenAt: now,
        noticeGivenById: scope.clientUserId,
        endsOn: new Date(`${decision.endsOn}T00:00:00Z`),
        revision: contract.revision + 1,
      },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "maintenance.notice_given",
      entityType: "maintenance_contract",
      entityId: contract.id,
      engagementId: contract.engagementId,
      before: { noticeGiven: false, endsOn: null },
      after: { noticeGiven: true, endsOn: decision.endsOn },
      data: { on: today, term: latestIndex },
    });
    await notifyNoticeGiven(
      tx,
      {
        organisationId: scope.organisationId,
        engagementId: contract.engagementId,
        engagement: contract.engagement.title,
      },
      user.name,
      decision.endsOn,
    );
    return readContractIn(tx, scope.organisationId, contract.id, today);
  });
}

/** Records, once per term, that the client's approver confirms access to the upgrade channel. */
export async function attestUpgradeAccess(scope: ClientScope, termId: string): Promise<ContractView> {
  return transaction(async (tx) => {
    const term = await tx.maintenanceTerm.findFirst({
      where: {
        id: termId,
        organisationId: scope.organisationId,
        contract: { engagement: { clientId: scope.clientId, status: { not: "draft" } } },
      },
      select: { id: true },
    });
    if (!term || !(await lockOrganisationRow(tx, "MaintenanceTerm", term.id, scope.organisationId)))
      throw new NotFound("Maintenance term");
    approverOnly(scope, "attests access to the upgrade channel");
    const locked = await tx.maintenanceTerm.findUniqueOrThrow({
      where: { id: term.id },
      select: {
        index: true,
        contractId: true,
        startsOn: true,
        upgradeAccessAttestedAt: true,
        contract: { select: { engagementId: true } },
      },
    });
    // access is granted for a term that has begun: a renewal drafted ahead of time is not yet open
    const startsOn = isoDate(locked.startsOn);
    if (startsOn > isoDate(new Date()))
      throw new MaintenanceRefusal("TERM_NOT_STARTED", [
        `term ${locked.index} starts on ${startsOn}: its upgrade channel access is recorded once it has begun`,
      ]);
    if (locked.upgradeAccessAttestedAt)
      throw new MaintenanceRefusal("ALREADY_ATTESTED", [
        `access to the upgrade channel for term ${locked.index} was already attested on ${isoDate(locked.upgradeAccessAttestedAt)}`,
      ]);
    await tx.maintenanceTerm.update({
      where: { id: term.id },
      data: { upgradeAccessAttestedAt: new Date(), upgradeAccessAttestedById: scope.clientUserId },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "maintenance.upgrade_access_attested",
      entityType: "maintenance_term",
      entityId: term.id,
      engagementId: locked.contract.engagementId,
      after: { term: locked.index, statement: "access to the upgrade channel granted" },
    });
    return readContractIn(tx, scope.organisationId, locked.contractId);
  });
}
