import type { Prisma } from "@prisma/client";
import { appendUserAuditEvent } from "../audit/chain";
import { visibleEngagement } from "../engagement/visible";
import { prisma, transaction } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";

// Things an engagement must do, e.g. the joint load test an SLA trigger calls for. Both sides read
// them; the consultant closes them.

export interface ActionItemView {
  id: string;
  engagementId: string;
  title: string;
  source: "sla_trigger";
  clauseId: string | null;
  clauseTitle: string | null;
  triggerIndex: number | null;
  /** the episode that raised it: the first window's start and the last window's end */
  episodeFrom: string | null;
  episodeTo: string | null;
  status: "open" | "done";
  createdAt: string;
  closedAt: string | null;
}

export class ActionItemRefusal extends DataRefusal<"ALREADY_CLOSED"> {
  override name = "ActionItemRefusal";
}

/** Newest first; a list longer than this is shown in part (the newest). */
export const ACTION_ITEMS_SHOWN = 200;

const actionItemInclude = { clause: { select: { title: true } } } satisfies Prisma.ActionItemInclude;

function view(row: Prisma.ActionItemGetPayload<{ include: typeof actionItemInclude }>): ActionItemView {
  return {
    id: row.id,
    engagementId: row.engagementId,
    title: row.title,
    source: "sla_trigger",
    clauseId: row.clauseId,
    clauseTitle: row.clause?.title ?? null,
    triggerIndex: row.triggerIndex,
    episodeFrom: row.episodeFrom?.toISOString() ?? null,
    episodeTo: row.episodeTo?.toISOString() ?? null,
    status: row.status === "done" ? "done" : "open",
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export async function listActionItems(
  scope: OrgScope | ClientScope,
  engagementId: string,
  options: { limit?: number } = {},
): Promise<ActionItemView[]> {
  await visibleEngagement(scope, engagementId);
  const rows = await prisma().actionItem.findMany({
    where: { organisationId: scope.organisationId, engagementId },
    include: actionItemInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? ACTION_ITEMS_SHOWN, ACTION_ITEMS_SHOWN),
  });
  return rows.map(view);
}

/** Marks an open item done; closing it again is refused (someone already did). */
export async function closeActionItem(
  scope: OrgScope,
  actionItemId: string,
  now = new Date(),
): Promise<ActionItemView> {
  return transaction(async (tx) => {
    const item = await tx.actionItem.findFirst({
      where: { id: actionItemId, organisationId: scope.organisationId },
      select: { id: true, engagementId: true, title: true },
    });
    if (!item) throw new NotFound("Action item");
    // a conditional update: of two people closing at once, one closes it and the other is told
    const closed = await tx.actionItem.updateMany({
      where: { id: item.id, status: "open" },
      data: { status: "done", closedAt: now },
    });
    if (closed.count === 0) throw new ActionItemRefusal("ALREADY_CLOSED", [`"${item.title}" is already closed`]);
    await appendUserAuditEvent(tx, scope, {
      action: "action_item.closed",
      entityType: "action_item",
      entityId: item.id,
      engagementId: item.engagementId,
      before: { status: "open" },
      after: { status: "done", closedAt: now.toISOString() },
      data: { title: item.title },
    });
    return view(await tx.actionItem.findUniqueOrThrow({ where: { id: item.id }, include: actionItemInclude }));
  });
}
