import { visibleEngagement } from "../engagement/visible";
import { prisma, toMinor } from "../prisma-client";
import type { OrgScope } from "../scope";

// What the consultant may put on the map: the engagement's debt items, SLA clauses and
// objectives (with the component each is on) and the milestones whose fees a component carries.

export interface AttachChoice {
  id: string;
  title: string;
  componentId: string | null;
}

export interface SystemMapChoices {
  debtItems: AttachChoice[];
  slaClauses: AttachChoice[];
  objectives: AttachChoice[];
  milestones: { id: string; title: string; amountMinor: number }[];
}

export async function systemMapChoices(scope: OrgScope, engagementId: string): Promise<SystemMapChoices> {
  await visibleEngagement(scope, engagementId);
  const where = { organisationId: scope.organisationId, engagementId };
  const [debtItems, slaClauses, objectives, milestones] = await Promise.all([
    prisma().debtItem.findMany({
      where,
      select: { id: true, title: true, componentId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma().slaClause.findMany({
      where: { ...where, retiredAt: null },
      select: { id: true, title: true, componentId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma().objective.findMany({
      where,
      select: { id: true, painStatement: true, componentId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma().milestone.findMany({
      where,
      select: { id: true, title: true, amountMinor: true },
      orderBy: { position: "asc" },
    }),
  ]);
  return {
    debtItems,
    slaClauses,
    objectives: objectives.map((row) => ({ id: row.id, title: row.painStatement, componentId: row.componentId })),
    milestones: milestones.map((row) => ({ id: row.id, title: row.title, amountMinor: toMinor(row.amountMinor) })),
  };
}
