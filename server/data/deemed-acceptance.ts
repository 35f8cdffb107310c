import { isDeemedAccepted } from "../domain/deemed-acceptance";
import { appendAuditEvent } from "./audit";
import { prisma, transaction } from "./client";
import { decisionInputs, milestoneDecisionSelect } from "./milestone-gate";
import { notifyDecision, type NoticeDelivery } from "./notifications";

// Applies deemed acceptances that have fallen due: a verified milestone of an engagement with
// deemed acceptance, left without a decision for its N days (counted from verification or from
// when the rule was set, whichever is later), becomes approved through an approval
// of type "deemed" (no user behind it), with a system audit event and notices to the consultants.
// Runs on a timer and before an engagement is shown, so what the clock decided is always applied.

export async function applyDueDeemedAcceptances(options: { now?: Date; engagementId?: string; notices?: NoticeDelivery } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const candidates = await prisma().milestone.findMany({
    where: {
      state: "verified",
      verifiedAt: { not: null },
      engagement: { deemedAcceptanceDays: { not: null }, ...(options.engagementId ? { id: options.engagementId } : {}) },
    },
    select: { id: true, verifiedAt: true, engagement: { select: { deemedAcceptanceDays: true, deemedAcceptanceSince: true } } },
  });
  let applied = 0;
  for (const candidate of candidates) {
    const rule = { days: candidate.engagement.deemedAcceptanceDays, since: candidate.engagement.deemedAcceptanceSince };
    if (!isDeemedAccepted("verified", candidate.verifiedAt, rule, now)) continue;
    const done = await transaction(async (tx) => {
      const row = await tx.milestone.findUnique({
        where: { id: candidate.id },
        select: { ...milestoneDecisionSelect, organisationId: true, verifiedAt: true, engagement: { select: { deemedAcceptanceDays: true, deemedAcceptanceSince: true } } },
      });
      // decided again on the locked-in facts: the rule or the verification may have changed since
      if (!row || !isDeemedAccepted(row.state, row.verifiedAt, { days: row.engagement.deemedAcceptanceDays, since: row.engagement.deemedAcceptanceSince }, now)) return false;
      const inputs = decisionInputs(row);
      const updated = await tx.milestone.updateMany({ where: { id: row.id, version: row.version }, data: { state: "approved", version: row.version + 1 } });
      // someone decided in the meantime: their decision stands
      if (updated.count !== 1) return false;
      await tx.approval.create({ data: { organisationId: row.organisationId, milestoneId: row.id, clientUserId: null, type: "deemed", evidenceHashes: inputs.evidenceHashes } });
      await appendAuditEvent(tx, {
        organisationId: row.organisationId,
        actorKind: "system",
        actorId: null,
        action: "milestone.deemed_accepted",
        entityType: "milestone",
        entityId: row.id,
        engagementId: row.engagementId,
        before: { state: "verified", version: row.version },
        after: { state: "approved", version: row.version + 1 },
        data: {
          evidenceHashes: inputs.evidenceHashes,
          verifiedAt: row.verifiedAt?.toISOString() ?? null,
          ruleDays: row.engagement.deemedAcceptanceDays,
          ruleSince: row.engagement.deemedAcceptanceSince?.toISOString() ?? null,
          deemedAt: now.toISOString(),
        },
      });
      if (options.notices) await notifyDecision(tx, row.id, "deemed", "", "", options.notices);
      return true;
    });
    if (done) applied += 1;
  }
  return applied;
}
