import { endingProblems, type EndingStatus } from "../../domain/engagement-status";
import { appendUserAuditEvent } from "../audit/chain";
import { transaction } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import { lockOrganisationRow } from "../row-lock";
import type { OrgScope } from "../scope";

export class EngagementStatusRefusal extends DataRefusal<"NOT_FOUND" | "CANNOT_END"> {
  override name = "EngagementStatusRefusal";
}

/** Ends an engagement (completed or cancelled) and revokes its API tokens in the same transaction. */
export async function endEngagement(
  scope: OrgScope,
  engagementId: string,
  next: EndingStatus,
  reason: string,
  now = new Date(),
): Promise<{ status: EndingStatus; tokensRevoked: number }> {
  return transaction(async (tx) => {
    if (!(await lockOrganisationRow(tx, "Engagement", engagementId, scope.organisationId)))
      throw new NotFound("Engagement");
    const engagement = await tx.engagement.findUniqueOrThrow({
      where: { id: engagementId },
      select: { status: true, milestones: { select: { title: true, state: true }, orderBy: { position: "asc" } } },
    });
    const problems = endingProblems(engagement.status, next, engagement.milestones);
    if (problems.length > 0) throw new EngagementStatusRefusal("CANNOT_END", problems);
    await tx.engagement.update({ where: { id: engagementId }, data: { status: next } });
    const revoked = await tx.apiToken.updateMany({
      where: { organisationId: scope.organisationId, engagementId, revokedAt: null },
      data: { revokedAt: now },
    });
    await appendUserAuditEvent(tx, scope, {
      action: `engagement.${next}`,
      entityType: "engagement",
      entityId: engagementId,
      engagementId,
      before: { status: engagement.status },
      after: { status: next },
      data: { reason, apiTokensRevoked: revoked.count },
    });
    return { status: next, tokensRevoked: revoked.count };
  });
}
