import type { MilestoneState } from "./milestone";
import { BASIS_POINTS_TOTAL, splitByWeights } from "./money";

// A change order re-splits what has not been invoiced among the milestones still open. Invoiced
// (and paid) milestones keep their share and amount exactly; cancelled ones drop to zero.

export interface PlannedMilestone {
  id: string;
  state: MilestoneState;
  shareBp: number;
  amountMinor: number;
  invoicedAmountMinor: number | null;
}

export interface ChangeOrderRequest {
  feeMinor: number;
  /** new share (bp of the whole fee) for every milestone that is neither invoiced nor cancelled */
  sharesBp: Record<string, number>;
}

export type ChangeOrderPlan =
  | { ok: true; feeMinor: number; milestones: { id: string; shareBp: number; amountMinor: number }[] }
  | { ok: false; reasons: string[] };

export const isSettled = (m: PlannedMilestone) => m.invoicedAmountMinor !== null;

export function planChangeOrder(current: readonly PlannedMilestone[], request: ChangeOrderRequest): ChangeOrderPlan {
  const reasons: string[] = [];
  const settled = current.filter(isSettled);
  const open = current.filter((m) => !isSettled(m) && m.state !== "cancelled");
  const ids = new Set(current.map((m) => m.id));

  for (const id of Object.keys(request.sharesBp)) {
    const milestone = current.find((m) => m.id === id);
    if (!ids.has(id)) reasons.push(`milestone ${id} is not part of this engagement`);
    else if (milestone && isSettled(milestone)) reasons.push(`milestone ${id} is invoiced: its share cannot change`);
    else if (milestone?.state === "cancelled") reasons.push(`milestone ${id} is cancelled: it cannot take a share`);
  }
  for (const milestone of open) {
    const share = request.sharesBp[milestone.id];
    if (share === undefined) reasons.push(`milestone ${milestone.id} needs a share`);
    else if (!Number.isInteger(share) || share < 0)
      reasons.push(`share of ${milestone.id} must be a non-negative whole number of basis points`);
  }
  const settledShare = settled.reduce((sum, m) => sum + m.shareBp, 0);
  const settledAmount = settled.reduce((sum, m) => sum + (m.invoicedAmountMinor ?? 0), 0);
  const openShare = open.reduce((sum, m) => sum + (request.sharesBp[m.id] ?? 0), 0);
  if (settledShare + openShare !== BASIS_POINTS_TOTAL) {
    reasons.push(
      `shares sum to ${settledShare + openShare} bp (${settledShare} bp already invoiced), not ${BASIS_POINTS_TOTAL}`,
    );
  }
  if (!Number.isSafeInteger(request.feeMinor) || request.feeMinor < settledAmount) {
    reasons.push(`the fee cannot be less than what is already invoiced (${settledAmount} minor units)`);
  }
  const remaining = request.feeMinor - settledAmount;
  if (reasons.length === 0 && remaining > 0 && openShare === 0)
    reasons.push("the remaining fee needs at least one open milestone with a share");
  if (reasons.length > 0) return { ok: false, reasons };

  const amounts =
    open.length > 0
      ? splitByWeights(
          remaining,
          open.map((m) => request.sharesBp[m.id] ?? 0),
        )
      : [];
  const byId = new Map(
    open.map((m, index) => [m.id, { shareBp: request.sharesBp[m.id] ?? 0, amountMinor: amounts[index] ?? 0 }]),
  );
  return {
    ok: true,
    feeMinor: request.feeMinor,
    milestones: current.map((m) => {
      if (isSettled(m)) return { id: m.id, shareBp: m.shareBp, amountMinor: m.invoicedAmountMinor ?? m.amountMinor };
      if (m.state === "cancelled") return { id: m.id, shareBp: 0, amountMinor: 0 };
      return { id: m.id, ...(byId.get(m.id) ?? { shareBp: 0, amountMinor: 0 }) };
    }),
  };
}
