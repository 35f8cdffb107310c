import { Prisma, type GateRequirement, type Objective, type SlaClause } from "@prisma/client";
import type { ObjectiveView, TechnicalTarget } from "../../domain/objective/objective";
import {
  actualFromClause,
  actualFromVerification,
  objectiveVerdict,
  type ObjectiveActual,
} from "../../domain/objective/verdict";
import { visibleEngagement, visibleEngagementWhere } from "../engagement/visible";
import { prisma, toMinor } from "../prisma-client";
import { NotFound } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";
import { clauseFigures } from "./clause-figures";

// An engagement's objectives with each one's actual and verdict, in a fixed number of statements
// whatever their number: the objectives with their sources, the linked requirements' newest passing
// verifications, the linked clauses' newest measured figures.

type ObjectiveRow = Objective & {
  requirement: (Pick<GateRequirement, "id" | "kind" | "params"> & { milestone: { id: string; title: string } }) | null;
  slaClause: SlaClause | null;
};

interface NewestVerification {
  requirementId: string;
  verifierKind: string;
  metrics: unknown;
  createdAt: Date;
}

/** The newest passing verification of each requirement, in one statement. */
async function newestPassingVerifications(organisationId: string, requirementIds: string[]) {
  if (requirementIds.length === 0) return new Map<string, NewestVerification>();
  const rows = await prisma().$queryRaw<NewestVerification[]>`
    SELECT DISTINCT ON (v."requirementId") v."requirementId", v."verifierKind", v.metrics, v."createdAt"
    FROM "Verification" v
    WHERE v."organisationId" = ${organisationId} AND v.verdict = 'pass'
      AND v."requirementId" IN (${Prisma.join(requirementIds)})
    ORDER BY v."requirementId", v."createdAt" DESC, v.id DESC`;
  return new Map(rows.map((row) => [row.requirementId, row]));
}

const decimal = (value: Prisma.Decimal | null) => (value === null ? null : value.toNumber());

export function targetOf(row: Objective): TechnicalTarget {
  return {
    metric: row.targetMetric,
    comparator: row.targetComparator,
    value: row.targetValue.toNumber(),
    unit: row.targetUnit,
    percentile: decimal(row.targetPercentile),
  };
}

function sourceOf(row: Objective): ObjectiveView["source"] {
  if (row.requirementId) return { kind: "requirement", id: row.requirementId };
  if (row.slaClauseId) return { kind: "sla_clause", id: row.slaClauseId };
  return null;
}

function viewOf(row: ObjectiveRow, actual: (ObjectiveActual & { at: string }) | null): ObjectiveView {
  const target = targetOf(row);
  return {
    id: row.id,
    pain: row.painStatement,
    observedBehaviour: row.observedBehaviour,
    cost: { value: decimal(row.costValue), unit: row.costUnit },
    costPerQuarterMinor: row.costPerQuarterMinor === null ? null : toMinor(row.costPerQuarterMinor),
    businessGoal: row.businessGoal,
    target,
    baseline: decimal(row.observedValue),
    actual: actual?.value ?? null,
    verdict: objectiveVerdict(target, actual?.value ?? null),
    source: sourceOf(row),
    sourceLabel: row.requirement
      ? {
          milestoneId: row.requirement.milestone.id,
          milestone: row.requirement.milestone.title,
          requirementKind: row.requirement.kind,
        }
      : row.slaClause
        ? { clause: row.slaClause.title }
        : null,
    actualAt: actual?.at ?? null,
    actualDetail: actual?.detail ?? null,
    translationKey: row.translationKey,
  };
}

/** Views of objective rows (loaded with their requirement and clause), their actuals read in two to three statements. */
export async function objectiveViews(organisationId: string, rows: ObjectiveRow[]): Promise<ObjectiveView[]> {
  const requirementIds = [...new Set(rows.flatMap((row) => (row.requirement ? [row.requirement.id] : [])))];
  const clauses = [
    ...new Map(rows.flatMap((row) => (row.slaClause ? [[row.slaClause.id, row.slaClause]] : []))).values(),
  ];
  const [verifications, figures] = await Promise.all([
    newestPassingVerifications(organisationId, requirementIds),
    clauseFigures(clauses),
  ]);
  return rows.map((row) => {
    const target = targetOf(row);
    if (row.requirement) {
      const verification = verifications.get(row.requirement.id);
      const actual = verification ? actualFromVerification(row.requirement, verification, target) : null;
      return viewOf(row, actual && verification ? { ...actual, at: verification.createdAt.toISOString() } : null);
    }
    if (row.slaClause) {
      const figure = figures.get(row.slaClause.id);
      const actual = figure ? actualFromClause(figure, figure.value, target) : null;
      return viewOf(row, actual && figure ? { ...actual, at: figure.at } : null);
    }
    return viewOf(row, null);
  });
}

export const withSources = {
  requirement: { select: { id: true, kind: true, params: true, milestone: { select: { id: true, title: true } } } },
  slaClause: true,
} as const satisfies Prisma.ObjectiveInclude;

export const objectiveOrder = [
  { position: "asc" },
  { createdAt: "asc" },
  { id: "asc" },
] as const satisfies Prisma.ObjectiveOrderByWithRelationInput[];

/** The engagement's objectives, ordered, with actual and verdict (NotFound when the scope may not see it). */
export async function listObjectives(scope: OrgScope | ClientScope, engagementId: string): Promise<ObjectiveView[]> {
  const engagement = await prisma().engagement.findFirst({
    where: visibleEngagementWhere(scope, engagementId),
    select: { hideAmountsFromViewers: true },
  });
  if (!engagement) throw new NotFound("Engagement");
  const rows = await prisma().objective.findMany({
    where: { engagementId, organisationId: scope.organisationId },
    include: withSources,
    orderBy: [...objectiveOrder],
  });
  const views = await objectiveViews(scope.organisationId, rows);
  // what a pain costs in money is an amount: hidden from viewers where the engagement hides amounts
  const hidesMoney = "clientId" in scope && scope.role === "viewer" && engagement.hideAmountsFromViewers;
  return hidesMoney ? views.map((view) => ({ ...view, costPerQuarterMinor: null })) : views;
}

/** One objective of the organisation, with its actual and verdict. */
export async function getObjective(scope: OrgScope, objectiveId: string): Promise<ObjectiveView> {
  const row = await prisma().objective.findFirst({
    where: { id: objectiveId, organisationId: scope.organisationId },
    include: withSources,
  });
  if (!row) throw new NotFound("Objective");
  const [view] = await objectiveViews(scope.organisationId, [row]);
  return view!;
}

export interface ObjectiveSourceChoices {
  requirements: { id: string; milestoneTitle: string; kind: string }[];
  slaClauses: { id: string; title: string; metric: string }[];
}

/** What an objective of the engagement may read its actual from: its gate requirements and its current SLA clauses. */
export async function objectiveSourceChoices(scope: OrgScope, engagementId: string): Promise<ObjectiveSourceChoices> {
  await visibleEngagement(scope, engagementId);
  const [requirements, slaClauses] = await Promise.all([
    prisma().gateRequirement.findMany({
      where: { organisationId: scope.organisationId, milestone: { engagementId } },
      select: { id: true, kind: true, milestone: { select: { title: true } } },
      orderBy: [{ milestone: { position: "asc" } }, { position: "asc" }, { id: "asc" }],
    }),
    prisma().slaClause.findMany({
      where: { organisationId: scope.organisationId, engagementId, retiredAt: null },
      select: { id: true, title: true, metric: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    requirements: requirements.map((r) => ({ id: r.id, milestoneTitle: r.milestone.title, kind: r.kind })),
    slaClauses,
  };
}
