import { z } from "zod";
import { ZStoredHealthItem, type StoredHealthItem } from "../../domain/health-check/items";
import { visibleEngagement } from "../engagement/visible";
import { cursorArgs, pageOf, pageSize } from "../page";
import { prisma } from "../prisma-client";
import { NotFound } from "../refusal";
import type { OrgScope } from "../scope";

// An engagement's health checks, newest first, a page at a time: the cursor is the last id of the
// page before (the order is by time, then id, so checks recorded in the same millisecond keep theirs).

export interface StoredHealthCheck {
  id: string;
  engagementId: string;
  baseUrl: string;
  at: string;
  items: StoredHealthItem[];
}

export const MAX_HEALTH_CHECK_PAGE = 100;

const ZStoredItems = z.array(ZStoredHealthItem);
const columns = { id: true, engagementId: true, baseUrl: true, at: true, items: true } as const;

function storedCheck(row: { id: string; engagementId: string; baseUrl: string; at: Date; items: unknown }) {
  return { ...row, at: row.at.toISOString(), items: ZStoredItems.parse(row.items) };
}

export async function listHealthChecks(
  scope: OrgScope,
  engagementId: string,
  page: { cursor?: string; limit: number },
): Promise<{ items: StoredHealthCheck[]; nextCursor: string | null }> {
  await visibleEngagement(scope, engagementId);
  const where = { organisationId: scope.organisationId, engagementId };
  const limit = pageSize(page.limit, MAX_HEALTH_CHECK_PAGE);
  if (page.cursor) {
    const from = await prisma().healthCheck.findFirst({ where: { ...where, id: page.cursor }, select: { id: true } });
    if (!from) throw new NotFound("Health check");
  }
  const rows = await prisma().healthCheck.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: columns,
    ...cursorArgs(page.cursor, limit),
  });
  return pageOf(rows, limit, storedCheck);
}

export async function getHealthCheck(
  scope: OrgScope,
  id: string,
): Promise<StoredHealthCheck & { engagementTitle: string }> {
  const row = await prisma().healthCheck.findFirst({
    where: { id, organisationId: scope.organisationId },
    select: { ...columns, engagement: { select: { title: true } } },
  });
  if (!row) throw new NotFound("Health check");
  const { engagement, ...check } = row;
  return { ...storedCheck(check), engagementTitle: engagement.title };
}
