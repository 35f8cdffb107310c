import { Prisma, type Objective } from "@prisma/client";
import {
  MAX_OBJECTIVES,
  type ObjectiveFields,
  type ObjectiveSource,
  type ObjectiveView,
} from "../../domain/objective/objective";
import { appendUserAuditEvent } from "../audit/chain";
import { visibleEngagement } from "../engagement/visible";
import { transaction, type Tx } from "../prisma-client";
import { lockOrganisationRow } from "../row-lock";
import { DataRefusal, NotFound } from "../refusal";
import { scheduleRoiSimulation } from "../roi/report";
import type { OrgScope } from "../scope";
import { getObjective } from "./read";

// Writing an engagement's objectives: each change and its audit event in one transaction. An
// objective's source must be a gate requirement of the same engagement or one of its current SLA
// clauses; anything else is answered as not found, like an unknown id.

const figure = (value: number | null) => (value === null ? null : new Prisma.Decimal(value.toString()));

function columns(fields: ObjectiveFields) {
  return {
    painStatement: fields.pain,
    observedBehaviour: fields.observedBehaviour,
    observedValue: figure(fields.baseline),
    costValue: figure(fields.cost.value),
    costUnit: fields.cost.unit,
    costPerQuarterMinor: fields.costPerQuarterMinor === null ? null : BigInt(fields.costPerQuarterMinor),
    businessGoal: fields.businessGoal,
    translationKey: fields.translationKey,
    targetMetric: fields.target.metric,
    targetComparator: fields.target.comparator,
    targetValue: new Prisma.Decimal(fields.target.value.toString()),
    targetUnit: fields.target.unit,
    targetPercentile: figure(fields.target.percentile),
    requirementId: fields.source?.kind === "requirement" ? fields.source.id : null,
    slaClauseId: fields.source?.kind === "sla_clause" ? fields.source.id : null,
  };
}

/** What the audit trail keeps of an objective. */
function auditSummary(row: Objective) {
  return {
    pain: row.painStatement,
    target: `${row.targetMetric} ${row.targetComparator} ${row.targetValue.toString()} ${row.targetUnit}`,
    source: row.requirementId
      ? `requirement:${row.requirementId}`
      : row.slaClauseId
        ? `sla_clause:${row.slaClauseId}`
        : null,
  };
}

async function checkSource(tx: Tx, organisationId: string, engagementId: string, source: ObjectiveSource | null) {
  if (!source) return;
  if (source.kind === "requirement") {
    const found = await tx.gateRequirement.findFirst({
      where: { id: source.id, organisationId, milestone: { engagementId } },
      select: { id: true },
    });
    if (!found) throw new NotFound("Gate requirement");
    return;
  }
  const found = await tx.slaClause.findFirst({
    where: { id: source.id, organisationId, engagementId, retiredAt: null },
    select: { id: true },
  });
  if (!found) throw new NotFound("SLA clause");
}

async function checkRoom(tx: Tx, organisationId: string, engagementId: string, adding: number): Promise<number> {
  // writers of one engagement's objectives take turns, so two at once cannot both pass the limit
  await lockOrganisationRow(tx, "Engagement", engagementId, organisationId);
  const held = await tx.objective.aggregate({
    where: { organisationId, engagementId },
    _count: { _all: true },
    _max: { position: true },
  });
  if (held._count._all + adding > MAX_OBJECTIVES)
    throw new DataRefusal("UNPROCESSABLE", [
      `an engagement holds at most ${MAX_OBJECTIVES} objectives; merge or delete some first`,
    ]);
  return held._count._all === 0 ? 0 : (held._max.position ?? 0) + 1;
}

/**
 * Objective rows inside the caller's transaction, after the engagement's own (the caller writes the
 * audit event). Every source must already be a row of that engagement.
 */
export async function insertObjectives(
  tx: Tx,
  organisationId: string,
  engagementId: string,
  objectives: ObjectiveFields[],
): Promise<string[]> {
  let position = await checkRoom(tx, organisationId, engagementId, objectives.length);
  const ids: string[] = [];
  for (const fields of objectives) {
    await checkSource(tx, organisationId, engagementId, fields.source);
    const row = await tx.objective.create({
      data: { organisationId, engagementId, position, ...columns(fields) },
      select: { id: true },
    });
    ids.push(row.id);
    position += 1;
  }
  return ids;
}

export async function createObjective(
  scope: OrgScope,
  engagementId: string,
  fields: ObjectiveFields,
): Promise<ObjectiveView> {
  const id = await transaction(async (tx) => {
    await visibleEngagement(scope, engagementId, tx);
    const [id] = await insertObjectives(tx, scope.organisationId, engagementId, [fields]);
    const row = await tx.objective.findUniqueOrThrow({ where: { id: id! } });
    await appendUserAuditEvent(tx, scope, {
      action: "objective.created",
      entityType: "objective",
      entityId: row.id,
      engagementId,
      after: auditSummary(row),
    });
    return row.id;
  });
  await scheduleRoiSimulation(scope.organisationId, engagementId);
  return getObjective(scope, id);
}

async function ownObjective(tx: Tx, scope: OrgScope, objectiveId: string): Promise<Objective> {
  const row = await tx.objective.findFirst({ where: { id: objectiveId, organisationId: scope.organisationId } });
  if (!row) throw new NotFound("Objective");
  return row;
}

export async function editObjective(
  scope: OrgScope,
  objectiveId: string,
  fields: ObjectiveFields,
): Promise<ObjectiveView> {
  const engagementId = await transaction(async (tx) => {
    const current = await ownObjective(tx, scope, objectiveId);
    await checkSource(tx, scope.organisationId, current.engagementId, fields.source);
    const row = await tx.objective.update({ where: { id: current.id }, data: columns(fields) });
    const before = auditSummary(current);
    const after = auditSummary(row);
    const changed = (Object.keys(columns(fields)) as (keyof ReturnType<typeof columns>)[]).filter(
      (key) => String(current[key]) !== String(row[key]),
    );
    await appendUserAuditEvent(tx, scope, {
      action: "objective.edited",
      entityType: "objective",
      entityId: row.id,
      engagementId: row.engagementId,
      before,
      after,
      data: { changed },
    });
    return row.engagementId;
  });
  await scheduleRoiSimulation(scope.organisationId, engagementId);
  return getObjective(scope, objectiveId);
}

export async function deleteObjective(scope: OrgScope, objectiveId: string): Promise<void> {
  const engagementId = await transaction(async (tx) => {
    const row = await ownObjective(tx, scope, objectiveId);
    await tx.objective.delete({ where: { id: row.id } });
    await appendUserAuditEvent(tx, scope, {
      action: "objective.deleted",
      entityType: "objective",
      entityId: row.id,
      engagementId: row.engagementId,
      before: auditSummary(row),
    });
    return row.engagementId;
  });
  await scheduleRoiSimulation(scope.organisationId, engagementId);
}
