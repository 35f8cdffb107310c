import { ROI_LIMITS } from "../../domain/roi/inputs";
import { scheduleRoiSimulation } from "../roi/report";
import { Prisma, type DebtItem } from "@prisma/client";
import {
  ZDebtItemFields,
  type DebtItemFields,
  type DebtItemFieldsInput,
  type DebtItemView,
} from "../../domain/debt/item";
import { appendUserAuditEvent } from "../audit/chain";
import { visibleEngagement } from "../engagement/visible";
import { prisma, toMinor, transaction, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";
import { checkDebtLinks, DebtRefusal } from "./links";

// The debt register: every create and edit keeps the saved fields as a revision (the history) and
// writes its audit event in the same transaction; an edit names the revision it was made on.

export { DebtRefusal } from "./links";

/** Validates the fields (UNPROCESSABLE with the field named) and checks the calendar dates. */
export function parseDebtFields(input: DebtItemFieldsInput): DebtItemFields {
  const parsed = ZDebtItemFields.safeParse(input);
  if (!parsed.success)
    throw new DebtRefusal(
      "UNPROCESSABLE",
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "fields"}: ${issue.message}`),
    );
  const fields = parsed.data;
  if (fields.fixedOn && dayOf(fields.fixedOn).toISOString().slice(0, 10) !== fields.fixedOn)
    throw new DebtRefusal("UNPROCESSABLE", [`fixedOn: ${fields.fixedOn} is not a day of the calendar`]);
  return fields;
}

const dayOf = (key: string) => new Date(`${key}T00:00:00Z`);
const days = (value: number) => new Prisma.Decimal(value.toFixed(2));

function columns(fields: DebtItemFields) {
  return {
    title: fields.title,
    description: fields.description,
    impact: fields.impact,
    costPerQuarterLowMinor: BigInt(fields.costPerQuarterMinor.low),
    costPerQuarterLikelyMinor: BigInt(fields.costPerQuarterMinor.likely),
    costPerQuarterHighMinor: BigInt(fields.costPerQuarterMinor.high),
    fixDaysLow: days(fields.fixDays.low),
    fixDaysLikely: days(fields.fixDays.likely),
    fixDaysHigh: days(fields.fixDays.high),
    plAccount: fields.plAccount,
    status: fields.status,
    scheduledMonth: fields.scheduledMonth ? dayOf(`${fields.scheduledMonth}-01`) : null,
    fixedOn: fields.fixedOn ? dayOf(fields.fixedOn) : null,
    objectiveIds: [...new Set(fields.objectiveIds)],
    adrIds: [...new Set(fields.adrIds)],
    requirementIds: [...new Set(fields.requirementIds)],
    componentId: fields.componentId,
  };
}

function fieldsOf(row: DebtItem): DebtItemFields {
  return {
    title: row.title,
    description: row.description,
    impact: row.impact,
    costPerQuarterMinor: {
      low: toMinor(row.costPerQuarterLowMinor),
      likely: toMinor(row.costPerQuarterLikelyMinor),
      high: toMinor(row.costPerQuarterHighMinor),
    },
    fixDays: { low: row.fixDaysLow.toNumber(), likely: row.fixDaysLikely.toNumber(), high: row.fixDaysHigh.toNumber() },
    plAccount: row.plAccount,
    status: row.status,
    scheduledMonth: row.scheduledMonth ? row.scheduledMonth.toISOString().slice(0, 7) : null,
    fixedOn: row.fixedOn ? row.fixedOn.toISOString().slice(0, 10) : null,
    objectiveIds: row.objectiveIds,
    adrIds: row.adrIds,
    requirementIds: row.requirementIds,
    componentId: row.componentId,
  };
}

export function debtItemView(row: DebtItem): DebtItemView {
  return {
    id: row.id,
    engagementId: row.engagementId,
    source: row.source,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...fieldsOf(row),
  };
}

/** What the audit trail keeps of an item: enough to read the change without the revision. */
function auditSummary(view: DebtItemView) {
  return {
    revision: view.revision,
    title: view.title,
    impact: view.impact,
    status: view.status,
    costPerQuarterLikelyMinor: view.costPerQuarterMinor.likely,
    fixDaysLikely: view.fixDays.likely,
  };
}

async function writeRevision(tx: Tx, scope: OrgScope, row: DebtItem): Promise<void> {
  await tx.debtItemRevision.create({
    data: {
      organisationId: row.organisationId,
      debtItemId: row.id,
      revision: row.revision,
      fields: fieldsOf(row) as unknown as Prisma.InputJsonValue,
      actorUserId: scope.userId,
    },
  });
}

export async function createDebtItem(
  scope: OrgScope,
  engagementId: string,
  input: DebtItemFieldsInput,
  options: { source?: string; tx?: Tx } = {},
): Promise<DebtItemView> {
  const fields = parseDebtFields(input);
  const run = async (tx: Tx) => {
    await visibleEngagement(scope, engagementId, tx);
    await checkDebtLinks(tx, scope.organisationId, engagementId, fields);
    // the register's size bounds the ROI's sums (ROI_LIMITS): past it, nothing is added
    const held = await tx.debtItem.count({ where: { organisationId: scope.organisationId, engagementId } });
    if (held >= ROI_LIMITS.maxDebtItems)
      throw new DebtRefusal("UNPROCESSABLE", [
        `an engagement holds at most ${ROI_LIMITS.maxDebtItems} debt items; merge or delete some first`,
      ]);
    const row = await tx.debtItem.create({
      data: { organisationId: scope.organisationId, engagementId, source: options.source ?? null, ...columns(fields) },
    });
    await writeRevision(tx, scope, row);
    const view = debtItemView(row);
    await appendUserAuditEvent(tx, scope, {
      action: "debt_item.created",
      entityType: "debt_item",
      entityId: row.id,
      engagementId,
      after: auditSummary(view),
      data: row.source ? { source: row.source } : {},
    });
    return view;
  };
  if (options.tx) return run(options.tx);
  return afterInputsChanged(scope, await transaction(run));
}

async function ownItem(tx: Tx, scope: OrgScope, debtItemId: string): Promise<DebtItem> {
  const row = await tx.debtItem.findFirst({ where: { id: debtItemId, organisationId: scope.organisationId } });
  if (!row) throw new NotFound("Debt item");
  return row;
}

const staleRefusal = (expected: number, current: number) =>
  new DebtRefusal("CONFLICT", [
    `this debt item was changed since revision ${expected} (now ${current}); reload and edit again`,
  ]);

/** New fields for an item, made on `expectedRevision` (CONFLICT when someone saved in between). */
export async function editDebtItem(
  scope: OrgScope,
  debtItemId: string,
  input: DebtItemFieldsInput,
  expectedRevision: number,
  options: { tx?: Tx } = {},
): Promise<DebtItemView> {
  const fields = parseDebtFields(input);
  const run = async (tx: Tx) => {
    const current = await ownItem(tx, scope, debtItemId);
    if (current.revision !== expectedRevision) throw staleRefusal(expectedRevision, current.revision);
    await checkDebtLinks(tx, scope.organisationId, current.engagementId, fields);
    // the revision in the condition makes a concurrent save lose here rather than overwrite
    const { count } = await tx.debtItem.updateMany({
      where: { id: debtItemId, organisationId: scope.organisationId, revision: expectedRevision },
      data: { ...columns(fields), revision: expectedRevision + 1 },
    });
    if (count === 0) throw staleRefusal(expectedRevision, expectedRevision + 1);
    const row = await tx.debtItem.findUniqueOrThrow({ where: { id: debtItemId } });
    await writeRevision(tx, scope, row);
    const before = debtItemView(current);
    const after = debtItemView(row);
    await appendUserAuditEvent(tx, scope, {
      action: "debt_item.edited",
      entityType: "debt_item",
      entityId: debtItemId,
      engagementId: row.engagementId,
      before: auditSummary(before),
      after: auditSummary(after),
      data: { changed: changedFields(fieldsOf(current), fieldsOf(row)) },
    });
    return after;
  };
  if (options.tx) return run(options.tx);
  return afterInputsChanged(scope, await transaction(run));
}

function changedFields(before: DebtItemFields, after: DebtItemFields): string[] {
  return (Object.keys(after) as (keyof DebtItemFields)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

export async function deleteDebtItem(scope: OrgScope, debtItemId: string): Promise<void> {
  const deleted = await transaction(async (tx) => {
    const row = await ownItem(tx, scope, debtItemId);
    await tx.debtItem.delete({ where: { id: row.id } });
    await appendUserAuditEvent(tx, scope, {
      action: "debt_item.deleted",
      entityType: "debt_item",
      entityId: row.id,
      engagementId: row.engagementId,
      before: auditSummary(debtItemView(row)),
    });
    return row;
  });
  await afterInputsChanged(scope, deleted);
}

/** A committed change to a debt item changes the ROI inputs: a large model's simulation is queued. */
async function afterInputsChanged<T extends { engagementId: string }>(scope: OrgScope, item: T): Promise<T> {
  await scheduleRoiSimulation(scope.organisationId, item.engagementId);
  return item;
}

/** The engagement's register, oldest first (NotFound when the scope may not see the engagement). */
export async function listDebtItems(scope: OrgScope | ClientScope, engagementId: string): Promise<DebtItemView[]> {
  await visibleEngagement(scope, engagementId);
  const rows = await prisma().debtItem.findMany({
    where: { engagementId, organisationId: scope.organisationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(debtItemView);
}

export interface DebtItemRevisionView {
  revision: number;
  fields: DebtItemFields;
  actorName: string | null;
  at: string;
}

/** Every saved version of an item, oldest first, with who saved it. */
export async function debtItemRevisions(scope: OrgScope, debtItemId: string): Promise<DebtItemRevisionView[]> {
  const item = await prisma().debtItem.findFirst({
    where: { id: debtItemId, organisationId: scope.organisationId },
    select: { id: true },
  });
  if (!item) throw new NotFound("Debt item");
  const revisions = await prisma().debtItemRevision.findMany({
    where: { debtItemId, organisationId: scope.organisationId },
    orderBy: { revision: "asc" },
  });
  const actorIds = [...new Set(revisions.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const actors = actorIds.length
    ? await prisma().user.findMany({
        where: { id: { in: actorIds }, organisationId: scope.organisationId },
        select: { id: true, name: true },
      })
    : [];
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  return revisions.map((row) => ({
    revision: row.revision,
    fields: row.fields as unknown as DebtItemFields,
    actorName: row.actorUserId ? (names.get(row.actorUserId) ?? null) : null,
    at: row.createdAt.toISOString(),
  }));
}
