import { isDeemedAccepted } from "../../domain/deemed-acceptance";
import { appendAuditEvent } from "../audit/chain";
import { prisma, transaction } from "../prisma-client";
import { decisionInputs, milestoneDecisionSelect } from "./decision-inputs";
import { notifyDecision, type NoticeDelivery } from "../notification/notices";

// Applies deemed acceptances that have fallen due: a verified milestone of an engagement with
// deemed acceptance, left without a decision for its N days (counted from verification or from
// when the rule was set, whichever is later), becomes approved through an approval
// of type "deemed" (no user behind it), with a system audit event and notices to the consultants.
// A scheduled job (server/jobs) finds the due ones and applies each in its own job; applying is
// idempotent (a version check under the row lock), so two workers apply a milestone once.

export interface DueDeemedAcceptance {
  milestoneId: string;
  organisationId: string;
  verifiedAt: string;
}

/** Verified milestones whose deemed acceptance has fallen due at `now`. */
export async function findDueDeemedAcceptances(
  options: { now?: Date; engagementId?: string } = {},
): Promise<DueDeemedAcceptance[]> {
  const now = options.now ?? new Date();
  const candidates = await prisma().milestone.findMany({
    where: {
      state: "verified",
      verifiedAt: { not: null },
      engagement: {
        deemedAcceptanceDays: { not: null },
        ...(options.engagementId ? { id: options.engagementId } : {}),
      },
    },
    select: {
      id: true,
      organisationId: true,
      verifiedAt: true,
      engagement: { select: { deemedAcceptanceDays: true, deemedAcceptanceSince: true } },
    },
    take: 1000,
  });
  return candidates
    .filter((candidate) =>
      isDeemedAccepted(
        "verified",
        candidate.verifiedAt,
        { days: candidate.engagement.deemedAcceptanceDays, since: candidate.engagement.deemedAcceptanceSince },
        now,
      ),
    )
    .map((candidate) => ({
      milestoneId: candidate.id,
      organisationId: candidate.organisationId,
      verifiedAt: candidate.verifiedAt!.toISOString(),
    }));
}

/** Applies one milestone's deemed acceptance if it is (still) due; false when it is not or someone decided first. */
export async function applyDeemedAcceptance(
  milestoneId: string,
  options: { now?: Date; notices?: NoticeDelivery } = {},
): Promise<boolean> {
  const now = options.now ?? new Date();
  return transaction(async (tx) => {
    const row = await tx.milestone.findUnique({
      where: { id: milestoneId },
      select: {
        ...milestoneDecisionSelect,
        organisationId: true,
        verifiedAt: true,
        engagement: { select: { deemedAcceptanceDays: true, deemedAcceptanceSince: true } },
      },
    });
    // decided again on the locked-in facts: the rule or the verification may have changed since
    if (
      !row ||
      !isDeemedAccepted(
        row.state,
        row.verifiedAt,
        { days: row.engagement.deemedAcceptanceDays, since: row.engagement.deemedAcceptanceSince },
        now,
      )
    )
      return false;
    const inputs = decisionInputs(row);
    const updated = await tx.milestone.updateMany({
      where: { id: row.id, version: row.version },
      data: { state: "approved", version: row.version + 1 },
    });
    // someone decided in the meantime: their decision stands
    if (updated.count !== 1) return false;
    await tx.approval.create({
      data: {
        organisationId: row.organisationId,
        milestoneId: row.id,
        clientUserId: null,
        type: "deemed",
        evidenceHashes: inputs.evidenceHashes,
      },
    });
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
}

/** Finds and applies every due deemed acceptance now (scripts and tests; the job applies them one by one). */
export async function applyDueDeemedAcceptances(
  options: { now?: Date; engagementId?: string; notices?: NoticeDelivery } = {},
): Promise<number> {
  let applied = 0;
  for (const due of await findDueDeemedAcceptances(options)) {
    if (await applyDeemedAcceptance(due.milestoneId, options)) applied += 1;
  }
  return applied;
}
