import { deemedAcceptanceDeadline } from "../../domain/deemed-acceptance";
import { prisma, toMinor } from "../prisma-client";
import { NotFound } from "../refusal";
import { milestoneDecisionSelect } from "../milestone/decision-inputs";
import { gateView, type MilestoneGateView } from "../milestone/gate-read";
import type { ClientScope, OrgScope } from "../scope";

// A milestone as its client reviews it: the gate and every evidence item with its verifications,
// the decisions taken so far, and the deemed-acceptance date when the engagement sets one.

export interface ApprovalRecord {
  id: string;
  type: "approved" | "changes_requested" | "deemed";
  by: string | null;
  comment: string;
  evidenceHashes: string[];
  voided: boolean;
  /** why it was voided, as stored (server/domain/approval-void.ts); shown through visibleVoidReason */
  voidReason: unknown;
  createdAt: string;
}

export interface MilestoneReview {
  engagement: { id: string; title: string; currency: string; hideAmountsFromViewers: boolean };
  milestone: { id: string; key: string; title: string; state: string; amountMinor: number; verifiedAt: string | null };
  gate: MilestoneGateView;
  approvals: ApprovalRecord[];
  deemedAcceptanceAt: string | null;
}

const reviewSelect = {
  ...milestoneDecisionSelect,
  key: true,
  title: true,
  verifiedAt: true,
  engagement: {
    select: {
      id: true,
      title: true,
      currency: true,
      hideAmountsFromViewers: true,
      deemedAcceptanceDays: true,
      deemedAcceptanceSince: true,
    },
  },
} as const;

export async function findClientMilestoneReview(scope: ClientScope, milestoneId: string): Promise<MilestoneReview> {
  const row = await prisma().milestone.findFirst({
    where: {
      id: milestoneId,
      organisationId: scope.organisationId,
      engagement: { clientId: scope.clientId, status: { not: "draft" } },
    },
    select: reviewSelect,
  });
  if (!row) throw new NotFound("Milestone");
  const approvals = await listApprovals(scope.organisationId, { milestoneId: row.id });
  const deadline =
    row.state === "verified"
      ? deemedAcceptanceDeadline(row.verifiedAt, {
          days: row.engagement.deemedAcceptanceDays,
          since: row.engagement.deemedAcceptanceSince,
        })
      : null;
  return {
    engagement: {
      id: row.engagement.id,
      title: row.engagement.title,
      currency: row.engagement.currency,
      hideAmountsFromViewers: row.engagement.hideAmountsFromViewers,
    },
    milestone: {
      id: row.id,
      key: row.key,
      title: row.title,
      state: row.state,
      amountMinor: toMinor(row.amountMinor),
      verifiedAt: row.verifiedAt?.toISOString() ?? null,
    },
    gate: gateView(row),
    approvals,
    deemedAcceptanceAt: deadline?.toISOString() ?? null,
  };
}

export interface ApprovalLogEntry extends ApprovalRecord {
  milestoneTitle: string;
}

/** Every decision on an engagement's milestones, oldest first: the approval log clients export. */
export interface EngagementApprovalLog {
  title: string;
  clientName: string;
  currency: string;
  hideAmountsFromViewers: boolean;
  entries: ApprovalLogEntry[];
}

export async function engagementApprovalLog(
  scope: OrgScope | ClientScope,
  engagementId: string,
): Promise<EngagementApprovalLog> {
  const engagement = await prisma().engagement.findFirst({
    where: {
      id: engagementId,
      organisationId: scope.organisationId,
      ...("clientId" in scope ? { clientId: scope.clientId, status: { not: "draft" } } : {}),
    },
    select: {
      id: true,
      title: true,
      currency: true,
      hideAmountsFromViewers: true,
      client: { select: { name: true } },
      milestones: { select: { id: true, title: true } },
    },
  });
  if (!engagement) throw new NotFound("Engagement");
  const titles = new Map(engagement.milestones.map((m) => [m.id, m.title]));
  const records = await listApprovals(scope.organisationId, { milestoneId: { in: [...titles.keys()] } }, "asc");
  return {
    title: engagement.title,
    clientName: engagement.client.name,
    currency: engagement.currency,
    hideAmountsFromViewers: engagement.hideAmountsFromViewers,
    entries: records.map((record) => ({ ...record, milestoneTitle: titles.get(record.milestoneId) ?? "" })),
  };
}

async function listApprovals(
  organisationId: string,
  where: { milestoneId: string | { in: string[] } },
  order: "asc" | "desc" = "desc",
) {
  const rows = await prisma().approval.findMany({
    where: { organisationId, ...where },
    orderBy: { createdAt: order },
    select: {
      id: true,
      milestoneId: true,
      type: true,
      comment: true,
      evidenceHashes: true,
      voidedAt: true,
      voidReason: true,
      createdAt: true,
      clientUser: { select: { user: { select: { name: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    milestoneId: row.milestoneId,
    type: row.type,
    by: row.clientUser?.user.name ?? null,
    comment: row.comment,
    evidenceHashes: row.evidenceHashes,
    voided: row.voidedAt !== null,
    voidReason: row.voidedAt !== null ? row.voidReason : null,
    createdAt: row.createdAt.toISOString(),
  }));
}
