import { scheduleRoiSimulation } from "./report";
import { Prisma, type SystemComponent } from "@prisma/client";
import type { ComponentKind } from "../../domain/roi/system-map";
import { appendUserAuditEvent } from "../audit/chain";
import { debtItemView, editDebtItem } from "../debt/items";
import { DebtRefusal } from "../debt/links";
import { visibleEngagement } from "../engagement/visible";
import { transaction, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import type { OrgScope } from "../scope";

// Writing the system map: components (a name once per engagement, fees from milestones of the
// same engagement), dependencies between two components of one engagement (cycles are real
// systems, so allowed; a component calling itself is not an edge), and what attaches to each.

export interface ComponentFields {
  name: string;
  kind: ComponentKind;
  milestoneIds: string[];
}

export interface ComponentView extends ComponentFields {
  id: string;
  engagementId: string;
}

export type AttachKind = "debt" | "sla_clause" | "objective";

const componentView = (row: SystemComponent): ComponentView => ({
  id: row.id,
  engagementId: row.engagementId,
  name: row.name,
  kind: row.kind as ComponentKind,
  milestoneIds: row.milestoneIds,
});

async function ownComponent(tx: Tx, scope: OrgScope, componentId: string): Promise<SystemComponent> {
  const row = await tx.systemComponent.findFirst({ where: { id: componentId, organisationId: scope.organisationId } });
  if (!row) throw new NotFound("Component");
  return row;
}

async function checkComponentFields(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  fields: ComponentFields,
  exceptId: string | null,
): Promise<ComponentFields> {
  const name = fields.name.trim();
  const milestoneIds = [...new Set(fields.milestoneIds)];
  const reasons: string[] = [];
  if (!name) reasons.push("name: a component needs a name");
  const found = milestoneIds.length
    ? await tx.milestone.findMany({
        where: { organisationId: scope.organisationId, engagementId, id: { in: milestoneIds } },
        select: { id: true },
      })
    : [];
  const unknown = milestoneIds.filter((id) => !found.some((row) => row.id === id));
  if (unknown.length) reasons.push(`milestoneIds: no milestone ${unknown.join(", ")} in this engagement`);
  if (reasons.length) throw new DebtRefusal("UNPROCESSABLE", reasons);
  const twin = await tx.systemComponent.findFirst({
    where: { engagementId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (twin) throw new DebtRefusal("CONFLICT", [`name: a component named "${name}" exists already in this engagement`]);
  return { name, kind: fields.kind, milestoneIds };
}

/** A unique-name race lost to a concurrent writer reads like the check above. */
async function namingConflicts<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DebtRefusal("CONFLICT", [`name: a component named "${name}" exists already in this engagement`]);
    throw error;
  }
}

export async function createComponent(
  scope: OrgScope,
  engagementId: string,
  input: ComponentFields,
): Promise<ComponentView> {
  return namingConflicts(input.name, () =>
    transaction(async (tx) => {
      await visibleEngagement(scope, engagementId, tx);
      const fields = await checkComponentFields(tx, scope, engagementId, input, null);
      const row = await tx.systemComponent.create({
        data: { organisationId: scope.organisationId, engagementId, ...fields },
      });
      await appendUserAuditEvent(tx, scope, {
        action: "system_component.created",
        entityType: "system_component",
        entityId: row.id,
        engagementId,
        after: { ...fields },
      });
      return componentView(row);
    }),
  );
}

export async function editComponent(scope: OrgScope, componentId: string, input: ComponentFields) {
  return namingConflicts(input.name, () =>
    transaction(async (tx) => {
      const before = await ownComponent(tx, scope, componentId);
      const fields = await checkComponentFields(tx, scope, before.engagementId, input, componentId);
      const row = await tx.systemComponent.update({ where: { id: componentId }, data: fields });
      await appendUserAuditEvent(tx, scope, {
        action: "system_component.edited",
        entityType: "system_component",
        entityId: componentId,
        engagementId: row.engagementId,
        before: { name: before.name, kind: before.kind, milestoneIds: before.milestoneIds },
        after: { ...fields },
      });
      return componentView(row);
    }),
  );
}

/**
 * Removes a component and its edges; what was attached to it stays, detached. A debt item's
 * component is one of its fields: each is detached by an edit, so its history says so.
 */
export async function deleteComponent(scope: OrgScope, componentId: string): Promise<void> {
  const engagementId = await transaction(async (tx) => {
    const row = await ownComponent(tx, scope, componentId);
    const attached = await tx.debtItem.findMany({ where: { organisationId: scope.organisationId, componentId } });
    for (const item of attached) {
      const current = debtItemView(item);
      await editDebtItem(scope, item.id, { ...current, componentId: null }, current.revision, { tx });
    }
    await tx.systemComponent.delete({ where: { id: componentId } });
    await appendUserAuditEvent(tx, scope, {
      action: "system_component.deleted",
      entityType: "system_component",
      entityId: componentId,
      engagementId: row.engagementId,
      before: { name: row.name, kind: row.kind, milestoneIds: row.milestoneIds },
    });
    return row.engagementId;
  });
  await scheduleRoiSimulation(scope.organisationId, engagementId);
}

export interface DependencyInput {
  fromId: string;
  toId: string;
  label?: string;
}

async function dependencyEnds(tx: Tx, scope: OrgScope, fromId: string, toId: string) {
  const from = await ownComponent(tx, scope, fromId);
  const to = await ownComponent(tx, scope, toId);
  if (from.engagementId !== to.engagementId) throw new NotFound("Component");
  if (fromId === toId) throw new DebtRefusal("UNPROCESSABLE", ["toId: a component does not depend on itself"]);
  return from;
}

/** `from` calls or reads `to`; adding an edge that exists changes its label. */
export async function addDependency(scope: OrgScope, input: DependencyInput) {
  return transaction(async (tx) => {
    const from = await dependencyEnds(tx, scope, input.fromId, input.toId);
    const label = (input.label ?? "").trim();
    await tx.systemDependency.upsert({
      where: { fromId_toId: { fromId: input.fromId, toId: input.toId } },
      create: {
        organisationId: scope.organisationId,
        engagementId: from.engagementId,
        fromId: input.fromId,
        toId: input.toId,
        label,
      },
      update: { label },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "system_dependency.added",
      entityType: "system_component",
      entityId: input.fromId,
      engagementId: from.engagementId,
      after: { fromId: input.fromId, toId: input.toId, label },
    });
    return { fromId: input.fromId, toId: input.toId, label };
  });
}

export async function removeDependency(scope: OrgScope, input: { fromId: string; toId: string }): Promise<void> {
  await transaction(async (tx) => {
    const from = await dependencyEnds(tx, scope, input.fromId, input.toId);
    const { count } = await tx.systemDependency.deleteMany({
      where: { organisationId: scope.organisationId, fromId: input.fromId, toId: input.toId },
    });
    if (count === 0) throw new NotFound("Dependency");
    await appendUserAuditEvent(tx, scope, {
      action: "system_dependency.removed",
      entityType: "system_component",
      entityId: input.fromId,
      engagementId: from.engagementId,
      before: { fromId: input.fromId, toId: input.toId },
    });
  });
}

export interface AttachInput {
  kind: AttachKind;
  id: string;
  /** null detaches it */
  componentId: string | null;
}

/**
 * Puts a debt item, SLA clause or objective on a component of its engagement (or takes it off).
 * A debt item's component is one of its fields, so attaching it is an edit with a revision.
 */
export async function attachToComponent(scope: OrgScope, input: AttachInput): Promise<void> {
  const engagementId = await transaction(async (tx): Promise<string | null> => {
    const own = { id: input.id, organisationId: scope.organisationId };
    const placeOf = async (engagementId: string) => {
      if (!input.componentId) return;
      const component = await ownComponent(tx, scope, input.componentId);
      if (component.engagementId !== engagementId) throw new NotFound("Component");
    };
    if (input.kind === "debt") {
      const item = await tx.debtItem.findFirst({ where: own });
      if (!item) throw new NotFound("Debt item");
      await placeOf(item.engagementId);
      if (item.componentId === input.componentId) return null;
      const current = debtItemView(item);
      await editDebtItem(scope, item.id, { ...current, componentId: input.componentId }, current.revision, { tx });
      return item.engagementId;
    }
    const select = { engagementId: true, componentId: true } as const;
    const target =
      input.kind === "sla_clause"
        ? await tx.slaClause.findFirst({ where: own, select })
        : await tx.objective.findFirst({ where: own, select });
    if (!target) throw new NotFound(input.kind === "sla_clause" ? "SLA clause" : "Objective");
    await placeOf(target.engagementId);
    const data = { componentId: input.componentId };
    if (input.kind === "sla_clause") await tx.slaClause.update({ where: { id: input.id }, data });
    else await tx.objective.update({ where: { id: input.id }, data });
    await appendUserAuditEvent(tx, scope, {
      action: input.componentId ? "system_component.attached" : "system_component.detached",
      entityType: input.kind,
      entityId: input.id,
      engagementId: target.engagementId,
      before: { componentId: target.componentId },
      after: data,
    });
    return null;
  });
  // a debt item's component is part of the ROI inputs (the map): a large model is simulated again
  if (engagementId) await scheduleRoiSimulation(scope.organisationId, engagementId);
}
