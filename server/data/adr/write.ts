import { scheduleRoiSimulation } from "../roi/report";
import type { Prisma } from "@prisma/client";
import { contentIsFrozen, statusChangeProblem, type AdrStatus } from "../../domain/adr/adr";
import { adrContentSha256, completeDraft, type AdrDraft, type AdrDraftInput } from "../../domain/adr/draft";
import { appendUserAuditEvent } from "../audit/chain";
import { transaction, type Tx } from "../prisma-client";
import type { AdrPl } from "../../domain/adr/pl";
import { draftOfRow, plColumns, plOfRow, type AdrRow } from "./rows";
import { DataRefusal } from "../refusal";
import { lockOrganisationRow } from "../row-lock";
import type { ClientScope, OrgScope } from "../scope";

// Writing ADRs: numbered per engagement under a row lock, every version of the content kept as a
// revision, an accepted ADR replaced only by superseding it (both linked), validation links to a
// gate requirement or SLA clause of the same engagement, and clients' acknowledgements of the
// content they read. Each change writes its audit event in the same transaction.

export class AdrRefusal extends DataRefusal<"NOT_FOUND" | "CONFLICT" | "BAD_REQUEST" | "FORBIDDEN"> {
  override name = "AdrRefusal";
}

type NewAdrLinks = { status: AdrStatus; importedStatus?: string | null; supersedesId?: string; pl?: AdrPl | null };

function draftData(draft: AdrDraft) {
  return {
    title: draft.title,
    decidedOn: draft.date === null ? null : new Date(`${draft.date}T00:00:00Z`),
    deciders: draft.deciders,
    consulted: draft.consulted,
    informed: draft.informed,
    context: draft.context,
    decisionDrivers: draft.decisionDrivers.join("\n"),
    consideredOptions: draft.consideredOptions as unknown as Prisma.InputJsonValue,
    decisionOutcome: draft.decisionOutcome,
    consequences: draft.consequences,
    validation: draft.validation,
  };
}

/** Locks the scope's engagement until commit (ADR numbers are taken under it); false when it is not the scope's. */
export async function lockEngagement(tx: Tx, scope: OrgScope, engagementId: string): Promise<boolean> {
  return lockOrganisationRow(tx, "Engagement", engagementId, scope.organisationId);
}

async function writeRevision(
  tx: Tx,
  scope: OrgScope | null,
  adr: { id: string; organisationId: string },
  revision: number,
  draft: AdrDraft,
  pl: AdrPl | null,
): Promise<string> {
  // the label is kept beside the draft so each revision shows it; the digest covers the text only
  const contentSha256 = adrContentSha256(draft);
  await tx.adrRevision.create({
    data: {
      organisationId: adr.organisationId,
      adrId: adr.id,
      revision,
      content: { ...draft, pl } as unknown as Prisma.InputJsonValue,
      contentSha256,
      authorId: scope?.userId ?? null,
    },
  });
  return contentSha256;
}

/** Inserts an ADR inside the caller's transaction (engagement already locked); `number` defaults to the next. */
export async function insertAdr(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  input: AdrDraftInput,
  links: NewAdrLinks & { number?: number },
) {
  const draft = completeDraft(input);
  const last = await tx.adr.findFirst({
    where: { engagementId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const number = links.number ?? (last?.number ?? 0) + 1;
  const taken = await tx.adr.findUnique({
    where: { engagementId_number: { engagementId, number } },
    select: { id: true },
  });
  if (taken)
    throw new AdrRefusal("CONFLICT", [`ADR-${String(number).padStart(3, "0")} exists already in this engagement`]);
  const row = await tx.adr.create({
    data: {
      organisationId: scope.organisationId,
      engagementId,
      number,
      status: links.status,
      importedStatus: links.importedStatus ?? null,
      ...draftData(draft),
      ...plColumns(links.pl ?? null),
    },
    select: { id: true, organisationId: true, number: true },
  });
  const contentSha256 = await writeRevision(tx, scope, row, 1, draft, links.pl ?? null);
  await appendUserAuditEvent(tx, scope, {
    action: "adr.created",
    entityType: "adr",
    entityId: row.id,
    engagementId,
    after: {
      number,
      status: links.status,
      ...(links.importedStatus ? { importedStatus: links.importedStatus } : {}),
      title: draft.title,
      ...(links.pl ? { pl: { ...links.pl } } : {}),
    },
    data: { contentSha256 },
  });
  return row;
}

export async function createAdr(
  scope: OrgScope,
  engagementId: string,
  draft: AdrDraft,
  status: "proposed" | "accepted",
  pl: AdrPl | null = null,
) {
  const created = await transaction(async (tx) => {
    if (!(await lockEngagement(tx, scope, engagementId))) throw new AdrRefusal("NOT_FOUND", ["engagement not found"]);
    return insertAdr(tx, scope, engagementId, draft, { status, pl });
  });
  if (pl) await scheduleRoiSimulation(scope.organisationId, engagementId);
  return created;
}

async function lockedAdr(tx: Tx, scope: OrgScope, adrId: string): Promise<AdrRow> {
  if (!(await lockOrganisationRow(tx, "Adr", adrId, scope.organisationId)))
    throw new AdrRefusal("NOT_FOUND", ["ADR not found"]);
  return tx.adr.findUniqueOrThrow({ where: { id: adrId } });
}

/**
 * A proposed ADR's new content and P&L label (null: none), made on `revision` (else CONFLICT:
 * someone else edited first).
 */
export async function editAdr(
  scope: OrgScope,
  adrId: string,
  revision: number,
  draft: AdrDraft,
  pl: AdrPl | null = null,
) {
  let plChangedIn: string | null = null;
  const edited = await transaction(async (tx) => {
    const adr = await lockedAdr(tx, scope, adrId);
    if (contentIsFrozen(adr.status as AdrStatus)) {
      throw new AdrRefusal("CONFLICT", [
        `an ${adr.status} ADR is part of the record; ` +
          `${adr.status === "accepted" ? "supersede it with a new ADR" : "record a new ADR"} instead of editing it`,
      ]);
    }
    if (adr.revision !== revision)
      throw new AdrRefusal("CONFLICT", [
        `this ADR was changed since revision ${revision} (now ${adr.revision}); reload and edit again`,
      ]);
    const before = draftOfRow(adr);
    // ADRs recorded before revisions were kept get their first revision now, so the diff has a base
    const known = await tx.adrRevision.findUnique({
      where: { adrId_revision: { adrId, revision } },
      select: { id: true },
    });
    const plBefore = plOfRow(adr);
    if (!known) await writeRevision(tx, null, adr, revision, before, plBefore);
    const beforeSha = adrContentSha256(before);
    const afterSha = await writeRevision(tx, scope, adr, revision + 1, draft, pl);
    await tx.adr.update({
      where: { id: adrId },
      data: { ...draftData(draft), ...plColumns(pl), revision: revision + 1 },
    });
    const plChanged = JSON.stringify(plBefore) !== JSON.stringify(pl);
    if (plChanged) plChangedIn = adr.engagementId;
    await appendUserAuditEvent(tx, scope, {
      action: "adr.edited",
      entityType: "adr",
      entityId: adrId,
      engagementId: adr.engagementId,
      before: { revision, contentSha256: beforeSha, ...(plChanged ? { pl: plBefore && { ...plBefore } } : {}) },
      after: { revision: revision + 1, contentSha256: afterSha, ...(plChanged ? { pl: pl && { ...pl } } : {}) },
    });
    return { revision: revision + 1, contentSha256: afterSha };
  });
  // the P&L label is an ROI input: a large model's simulation is queued once the change is committed
  if (plChangedIn) await scheduleRoiSimulation(scope.organisationId, plChangedIn);
  return edited;
}

export async function setAdrStatus(scope: OrgScope, adrId: string, status: AdrStatus) {
  let labelled: string | null = null;
  const changed = await transaction(async (tx) => {
    const adr = await lockedAdr(tx, scope, adrId);
    const problem = statusChangeProblem(adr.status as AdrStatus, status);
    if (problem) throw new AdrRefusal("CONFLICT", [problem]);
    if (adr.status === status) return { status };
    // the status an import kept as written described the old status, not this one
    await tx.adr.update({ where: { id: adrId }, data: { status, importedStatus: null } });
    await appendUserAuditEvent(tx, scope, {
      action: "adr.status_changed",
      entityType: "adr",
      entityId: adrId,
      engagementId: adr.engagementId,
      before: { status: adr.status, ...(adr.importedStatus !== null ? { importedStatus: adr.importedStatus } : {}) },
      after: { status },
    });
    // only an accepted ADR's P&L label counts in the ROI
    if (adr.plAmountMinor !== null) labelled = adr.engagementId;
    return { status };
  });
  if (labelled) await scheduleRoiSimulation(scope.organisationId, labelled);
  return changed;
}

/** Records the ADR that replaces an accepted one: the new ADR is accepted, the old one superseded, linked both ways. */
export async function supersedeAdr(scope: OrgScope, adrId: string, draft: AdrDraft, pl: AdrPl | null = null) {
  const superseded = await transaction(async (tx) => {
    const old = await lockedAdr(tx, scope, adrId);
    if (old.status !== "accepted")
      throw new AdrRefusal("CONFLICT", [`only an accepted ADR is superseded; this one is ${old.status}`]);
    await lockEngagement(tx, scope, old.engagementId);
    const replacement = await insertAdr(tx, scope, old.engagementId, draft, { status: "accepted", pl });
    await tx.adr.update({
      where: { id: old.id },
      data: { status: "superseded", importedStatus: null, supersededById: replacement.id },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "adr.superseded",
      entityType: "adr",
      entityId: old.id,
      engagementId: old.engagementId,
      before: { status: "accepted", ...(old.importedStatus !== null ? { importedStatus: old.importedStatus } : {}) },
      after: { status: "superseded", supersededBy: replacement.number },
    });
    return { number: replacement.number, id: replacement.id, engagementId: old.engagementId };
  });
  await scheduleRoiSimulation(scope.organisationId, superseded.engagementId);
  return { number: superseded.number, id: superseded.id };
}

export type ValidationTarget = { kind: "requirement"; id: string } | { kind: "sla"; id: string } | null;

/** Names the gate requirement or SLA clause (of the same engagement) whose verdict validates the ADR. */
export async function linkAdrValidation(scope: OrgScope, adrId: string, target: ValidationTarget) {
  return transaction(async (tx) => {
    const adr = await lockedAdr(tx, scope, adrId);
    if (target?.kind === "requirement") {
      const found = await tx.gateRequirement.findFirst({
        where: { id: target.id, organisationId: scope.organisationId, milestone: { engagementId: adr.engagementId } },
        select: { id: true },
      });
      if (!found) throw new AdrRefusal("NOT_FOUND", ["gate requirement not found in this engagement"]);
    }
    if (target?.kind === "sla") {
      const found = await tx.slaClause.findFirst({
        where: { id: target.id, organisationId: scope.organisationId, engagementId: adr.engagementId },
        select: { id: true },
      });
      if (!found) throw new AdrRefusal("NOT_FOUND", ["SLA clause not found in this engagement"]);
    }
    const data = {
      validationRequirementId: target?.kind === "requirement" ? target.id : null,
      validationSlaClauseId: target?.kind === "sla" ? target.id : null,
    };
    await tx.adr.update({ where: { id: adrId }, data });
    await appendUserAuditEvent(tx, scope, {
      action: "adr.validation_linked",
      entityType: "adr",
      entityId: adrId,
      engagementId: adr.engagementId,
      before: { requirementId: adr.validationRequirementId, slaClauseId: adr.validationSlaClauseId },
      after: data,
    });
    return target;
  });
}

/**
 * A client approver acknowledges an accepted ADR as they read it: `contentSha256` must be the
 * current content's digest, so a change between reading and acknowledging is refused.
 */
export async function acknowledgeAdr(scope: ClientScope, adrId: string, contentSha256: string) {
  if (scope.role !== "approver")
    throw new AdrRefusal("FORBIDDEN", ["only the client's approvers acknowledge decisions"]);
  return transaction(async (tx) => {
    const adr = await tx.adr.findFirst({
      where: {
        id: adrId,
        organisationId: scope.organisationId,
        status: "accepted",
        engagement: { clientId: scope.clientId, status: { not: "draft" } },
      },
    });
    if (!adr) throw new AdrRefusal("NOT_FOUND", ["ADR not found"]);
    const current = adrContentSha256(draftOfRow(adr));
    if (current !== contentSha256)
      throw new AdrRefusal("CONFLICT", ["the ADR changed while it was being read; read it again"]);
    const existing = await tx.adrAcknowledgement.findUnique({
      where: { adrId_clientUserId_contentSha256: { adrId, clientUserId: scope.clientUserId, contentSha256 } },
      select: { createdAt: true },
    });
    if (existing) return { contentSha256, acknowledgedAt: existing.createdAt.toISOString() };
    const row = await tx.adrAcknowledgement.create({
      data: { organisationId: scope.organisationId, adrId, clientUserId: scope.clientUserId, contentSha256 },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "adr.acknowledged",
      entityType: "adr",
      entityId: adrId,
      engagementId: adr.engagementId,
      data: { contentSha256, clientUserId: scope.clientUserId },
    });
    return { contentSha256, acknowledgedAt: row.createdAt.toISOString() };
  });
}
