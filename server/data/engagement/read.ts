import type { Prisma } from "@prisma/client";
import { feeProgress, type FeeProgress, type MilestoneKind, type MilestoneState } from "../../domain/milestone";
import { NotFound } from "../refusal";
import { prisma, toMinor } from "../prisma-client";
import type { ClientScope, OrgScope } from "../scope";

// Reads of engagements, always filtered by the scope's tenant (and client for portal users).

const milestoneSelect = {
  id: true,
  key: true,
  title: true,
  kind: true,
  position: true,
  shareBp: true,
  amountMinor: true,
  state: true,
} satisfies Prisma.MilestoneSelect;

const engagementSelect = {
  id: true,
  title: true,
  currency: true,
  feeMinor: true,
  taxRateBp: true,
  startDate: true,
  paymentTermsDays: true,
  status: true,
  hideAmountsFromViewers: true,
  deemedAcceptanceDays: true,
  client: { select: { id: true, name: true } },
  milestones: { select: milestoneSelect, orderBy: { position: "asc" } },
} satisfies Prisma.EngagementSelect;

type EngagementRow = Prisma.EngagementGetPayload<{ select: typeof engagementSelect }>;

export interface MilestoneView {
  id: string;
  key: string;
  title: string;
  kind: MilestoneKind;
  position: number;
  shareBp: number;
  amountMinor: number;
  state: MilestoneState;
}

export interface EngagementView {
  id: string;
  title: string;
  client: { id: string; name: string };
  currency: string;
  feeMinor: number;
  taxRateBp: number;
  startDate: string;
  paymentTermsDays: number;
  status: "draft" | "active" | "completed" | "cancelled";
  hideAmountsFromViewers: boolean;
  deemedAcceptanceDays: number | null;
  milestones: MilestoneView[];
  progress: FeeProgress;
}

function toView(row: EngagementRow): EngagementView {
  const milestones = row.milestones.map((m) => ({ ...m, amountMinor: toMinor(m.amountMinor) }));
  return {
    id: row.id,
    title: row.title,
    client: row.client,
    currency: row.currency,
    feeMinor: toMinor(row.feeMinor),
    taxRateBp: row.taxRateBp,
    startDate: row.startDate.toISOString().slice(0, 10),
    paymentTermsDays: row.paymentTermsDays,
    status: row.status,
    hideAmountsFromViewers: row.hideAmountsFromViewers,
    deemedAcceptanceDays: row.deemedAcceptanceDays,
    milestones,
    progress: feeProgress(milestones),
  };
}

const newestFirst = [
  { startDate: "desc" },
  { createdAt: "desc" },
] satisfies Prisma.EngagementOrderByWithRelationInput[];

export async function listOrgEngagements(scope: OrgScope): Promise<EngagementView[]> {
  const rows = await prisma().engagement.findMany({
    where: { organisationId: scope.organisationId },
    select: engagementSelect,
    orderBy: newestFirst,
  });
  return rows.map(toView);
}

export async function findOrgEngagement(scope: OrgScope, id: string): Promise<EngagementView> {
  const row = await prisma().engagement.findFirst({
    where: { id, organisationId: scope.organisationId },
    select: engagementSelect,
  });
  if (!row) throw new NotFound("Engagement");
  return toView(row);
}

export async function listClientEngagements(scope: ClientScope): Promise<EngagementView[]> {
  const rows = await prisma().engagement.findMany({
    where: { organisationId: scope.organisationId, clientId: scope.clientId, status: { not: "draft" } },
    select: engagementSelect,
    orderBy: newestFirst,
  });
  return rows.map(toView);
}

export async function findClientEngagement(scope: ClientScope, id: string): Promise<EngagementView> {
  const row = await prisma().engagement.findFirst({
    where: { id, organisationId: scope.organisationId, clientId: scope.clientId, status: { not: "draft" } },
    select: engagementSelect,
  });
  if (!row) throw new NotFound("Engagement");
  return toView(row);
}
