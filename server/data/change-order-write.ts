import { planChangeOrder } from "../domain/change-order";
import { appendUserAuditEvent } from "./audit";
import { toMinor, transaction } from "./client";
import { ConflictError } from "./milestone-transition";
import type { OrgScope } from "./scope";

export interface ChangeOrderInput {
  engagementId: string;
  feeMinor: number;
  sharesBp: Record<string, number>;
  reason: string;
}

export type ChangeOrderResult =
  | { ok: true; changeOrderId: string; feeMinor: number; milestones: { id: string; shareBp: number; amountMinor: number }[] }
  | { ok: false; code: "NOT_FOUND" | "INVALID_CHANGE_ORDER" | "CONFLICT"; reasons: string[] };

/** Re-splits the fee not yet invoiced; invoiced amounts never change. Recorded with who, when, why. */
export async function applyChangeOrder(scope: OrgScope, input: ChangeOrderInput): Promise<ChangeOrderResult> {
  try {
    return await transaction(async (tx): Promise<ChangeOrderResult> => {
      const engagement = await tx.engagement.findFirst({
        where: { id: input.engagementId, organisationId: scope.organisationId },
        select: {
          id: true,
          feeMinor: true,
          milestones: {
            select: { id: true, key: true, state: true, shareBp: true, amountMinor: true, invoicedAmountMinor: true, version: true },
            orderBy: { position: "asc" },
          },
        },
      });
      if (!engagement) return { ok: false, code: "NOT_FOUND", reasons: ["engagement not found"] };
      const current = engagement.milestones.map((m) => ({
        id: m.id,
        state: m.state,
        shareBp: m.shareBp,
        amountMinor: toMinor(m.amountMinor),
        invoicedAmountMinor: m.invoicedAmountMinor === null ? null : toMinor(m.invoicedAmountMinor),
      }));
      const plan = planChangeOrder(current, { feeMinor: input.feeMinor, sharesBp: input.sharesBp });
      if (!plan.ok) return { ok: false, code: "INVALID_CHANGE_ORDER", reasons: plan.reasons };

      for (const next of plan.milestones) {
        const before = engagement.milestones.find((m) => m.id === next.id);
        if (!before || (before.shareBp === next.shareBp && toMinor(before.amountMinor) === next.amountMinor)) continue;
        const updated = await tx.milestone.updateMany({
          where: { id: next.id, version: before.version, invoicedAmountMinor: null },
          data: { shareBp: next.shareBp, amountMinor: BigInt(next.amountMinor), version: before.version + 1 },
        });
        if (updated.count !== 1) throw new ConflictError([`milestone ${before.key} changed while the change order was being applied`]);
      }
      await tx.engagement.update({ where: { id: engagement.id }, data: { feeMinor: BigInt(plan.feeMinor) } });
      const split = (list: { id: string; shareBp: number; amountMinor: number }[]) => list.map(({ id, shareBp, amountMinor }) => ({ id, shareBp, amountMinor }));
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
      await appendUserAuditEvent(tx, scope, {
        action: "engagement.change_order",
        entityType: "engagement",
        entityId: engagement.id,
        engagementId: engagement.id,
        before: { feeMinor: toMinor(engagement.feeMinor), milestones: split(current) },
        after: { feeMinor: plan.feeMinor, milestones: split(plan.milestones) },
        data: { changeOrderId: record.id, reason: input.reason },
      });
      return { ok: true, changeOrderId: record.id, feeMinor: plan.feeMinor, milestones: plan.milestones };
    });
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, code: "CONFLICT", reasons: error.reasons };
    throw error;
  }
}
