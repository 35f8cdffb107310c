import type { Prisma } from "@prisma/client";
import { ZStoredHealthItem, type StoredHealthItem } from "../../domain/health-check/items";
import { appendUserAuditEvent } from "../audit/chain";
import { visibleEngagement } from "../engagement/visible";
import { transaction } from "../prisma-client";
import type { OrgScope } from "../scope";

// A health check as it was found: the base URL and the items (status codes, counts, advice keys;
// never a body), kept with its audit event in one transaction.

/** NotFound unless the engagement is the scope's: asked before any probe goes out. */
export async function assertHealthCheckTarget(scope: OrgScope, engagementId: string): Promise<void> {
  await visibleEngagement(scope, engagementId);
}

export async function recordHealthCheck(
  scope: OrgScope,
  engagementId: string,
  baseUrl: string,
  items: StoredHealthItem[],
): Promise<{ id: string; at: string }> {
  const stored = items.map((item) => ZStoredHealthItem.parse(item));
  return transaction(async (tx) => {
    await visibleEngagement(scope, engagementId, tx);
    const row = await tx.healthCheck.create({
      data: {
        organisationId: scope.organisationId,
        engagementId,
        baseUrl,
        items: stored as unknown as Prisma.InputJsonValue,
        actorUserId: scope.userId,
      },
      select: { id: true, at: true },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "health_check.recorded",
      entityType: "health_check",
      entityId: row.id,
      engagementId,
      after: { baseUrl, items: stored.map(({ check, status, httpStatus }) => ({ check, status, httpStatus })) },
    });
    return { id: row.id, at: row.at.toISOString() };
  });
}
