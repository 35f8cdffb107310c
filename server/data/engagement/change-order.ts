import { type Prisma } from "@prisma/client";
import type { ApprovalVoidReason } from "../../domain/approval-void";
import { planChangeOrder } from "../../domain/change-order";
import { appendUserAuditEvent } from "../audit/chain";
import { toMinor, transaction, type Tx } from "../prisma-client";
import { ConflictError } from "../milestone/transition";
import { notifyAwaitingReview, type NoticeDelivery } from "../notification/notices";
import { DataRefusal, NotFound } from "../refusal";
import type { OrgScope } from "../scope";

export interface ChangeOrderInput {
  engagementId: string;
  feeMinor: number;
  sharesBp: Record<string, number>;
  reason: string;
}

export interface ChangeOrderResult {
  changeOrderId: string;
  feeMinor: number;
  milestones: { id: string; shareBp: number; amountMinor: number }[];
  /** milestones whose approval the new amount voided: they wait for the client's decision again */
  approvalsVoided: string[];
}

export class ChangeOrderRefusal extends DataRefusal<"NOT_FOUND" | "INVALID_CHANGE_ORDER"> {
  override name = "ChangeOrderRefusal";
}

type Split = { id: string; shareBp: number; amountMinor: number };
const split = (list: Split[]) => list.map(({ id, shareBp, amountMinor }) => ({ id, shareBp, amountMinor }));

/**
 * Re-splits the fee not yet invoiced; invoiced amounts never change. Recorded with who, when, why.
 * A client approved an amount, not just evidence: an approved (not yet invoiced) milestone whose
 * amount changes goes back to verified, its approval voided with the reason, and the client's
 * approvers are asked again.
 */
export async function applyChangeOrder(
  scope: OrgScope,
  input: ChangeOrderInput,
  notices?: NoticeDelivery,
): Promise<ChangeOrderResult> {
  return transaction(async (tx) => {
    const engagement = await tx.engagement.findFirst({
      where: { id: input.engagementId, organisationId: scope.organisationId },
      select: {
        id: true,
        feeMinor: true,
        milestones: {
          select: {
            id: true,
            key: true,
            state: true,
            shareBp: true,
            amountMinor: true,
            invoicedAmountMinor: true,
            version: true,
          },
          orderBy: { position: "asc" },
        },
      },
    });
    if (!engagement) throw new NotFound("Engagement");
    const current = engagement.milestones.map((m) => ({
      id: m.id,
      state: m.state,
      shareBp: m.shareBp,
      amountMinor: toMinor(m.amountMinor),
      invoicedAmountMinor: m.invoicedAmountMinor === null ? null : toMinor(m.invoicedAmountMinor),
    }));
    const plan = planChangeOrder(current, { feeMinor: input.feeMinor, sharesBp: input.sharesBp });
    if (!plan.ok) throw new ChangeOrderRefusal("INVALID_CHANGE_ORDER", plan.reasons);

    // milestone rows first, as an invoice takes them: inserting the record (its foreign keys lock
    // the organisation's row for share) before them could deadlock with an invoice being issued
    const voided: { id: string; version: number; fromMinor: number; toMinor: number }[] = [];
    for (const next of plan.milestones) {
      const before = engagement.milestones.find((m) => m.id === next.id);
      if (!before || (before.shareBp === next.shareBp && toMinor(before.amountMinor) === next.amountMinor)) continue;
      const voidsApproval = toMinor(before.amountMinor) !== next.amountMinor && before.state === "approved";
      const updated = await tx.milestone.updateMany({
        where: { id: next.id, version: before.version, invoicedAmountMinor: null },
        data: {
          shareBp: next.shareBp,
          amountMinor: BigInt(next.amountMinor),
          version: before.version + 1,
          ...(voidsApproval ? { state: "verified", verifiedAt: new Date() } : {}),
        },
      });
      if (updated.count !== 1)
        throw new ConflictError([`milestone ${before.key} changed while the change order was being applied`]);
      if (voidsApproval)
        voided.push({
          id: before.id,
          version: before.version,
          fromMinor: toMinor(before.amountMinor),
          toMinor: next.amountMinor,
        });
    }
    const record = await tx.changeOrder.create({
      data: {
        organisationId: scope.organisationId,
        engagementId: engagement.id,
        reason: input.reason,
        createdById: scope.userId,
        previousFeeMinor: engagement.feeMinor,
        newFeeMinor: BigInt(plan.feeMinor),
        before: split(current),
        after: split(plan.milestones),
      },
      select: { id: true },
    });
    for (const milestone of voided) {
      const reason: ApprovalVoidReason = {
        kind: "amount_changed",
        fromMinor: milestone.fromMinor,
        toMinor: milestone.toMinor,
        changeOrderReason: input.reason,
      };
      await voidApproval(
        tx,
        scope,
        { id: milestone.id, engagementId: engagement.id, version: milestone.version },
        reason,
        record.id,
      );
    }
    const approvalsVoided = voided.map((m) => m.id);
    await tx.engagement.update({ where: { id: engagement.id }, data: { feeMinor: BigInt(plan.feeMinor) } });
    await appendUserAuditEvent(tx, scope, {
      action: "engagement.change_order",
      entityType: "engagement",
      entityId: engagement.id,
      engagementId: engagement.id,
      before: { feeMinor: toMinor(engagement.feeMinor), milestones: split(current) },
      after: { feeMinor: plan.feeMinor, milestones: split(plan.milestones) },
      data: { changeOrderId: record.id, reason: input.reason, approvalsVoided },
    });
    if (notices) for (const milestoneId of approvalsVoided) await notifyAwaitingReview(tx, milestoneId, notices);
    return { changeOrderId: record.id, feeMinor: plan.feeMinor, milestones: plan.milestones, approvalsVoided };
  });
}

async function voidApproval(
  tx: Tx,
  scope: OrgScope,
  milestone: { id: string; engagementId: string; version: number },
  reason: ApprovalVoidReason,
  changeOrderId: string,
): Promise<void> {
  await tx.approval.updateMany({
    where: { milestoneId: milestone.id, voidedAt: null, type: { in: ["approved", "deemed"] } },
    data: { voidedAt: new Date(), voidReason: reason as Prisma.InputJsonValue },
  });
  await appendUserAuditEvent(tx, scope, {
    action: "milestone.approval_voided",
    entityType: "milestone",
    entityId: milestone.id,
    engagementId: milestone.engagementId,
    before: { state: "approved", version: milestone.version },
    after: { state: "verified", version: milestone.version + 1 },
    data: { changeOrderId, reason },
  });
}
