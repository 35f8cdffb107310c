import { z } from "zod";

export const MILESTONE_STATES = [
  "planned",
  "in_progress",
  "submitted",
  "verified",
  "approved",
  "invoiced",
  "paid",
  "changes_requested",
  "cancelled",
] as const;
export const ZMilestoneState = z.enum(MILESTONE_STATES);
export type MilestoneState = z.infer<typeof ZMilestoneState>;

export const ZMilestoneKind = z.enum(["standard", "prepaid"]);
export type MilestoneKind = z.infer<typeof ZMilestoneKind>;

export const ZMilestoneKey = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9-]*$/, "lowercase letters, digits and dashes, starting with a letter");

export interface MilestoneMoney {
  state: MilestoneState;
  amountMinor: number;
}

export interface FeeProgress {
  /** share of the fee (minor units) per bucket; buckets sum to the fee less cancelled milestones */
  paidMinor: number;
  invoicedMinor: number;
  approvedMinor: number;
  openMinor: number;
  milestonesDone: number;
  milestonesTotal: number;
}

const DONE_STATES: ReadonlySet<MilestoneState> = new Set(["paid"]);

/** Where the engagement's money stands: paid, invoiced (unpaid), approved (not invoiced), open. */
export function feeProgress(milestones: readonly MilestoneMoney[]): FeeProgress {
  const progress: FeeProgress = {
    paidMinor: 0,
    invoicedMinor: 0,
    approvedMinor: 0,
    openMinor: 0,
    milestonesDone: 0,
    milestonesTotal: 0,
  };
  for (const milestone of milestones) {
    if (milestone.state === "cancelled") continue;
    progress.milestonesTotal += 1;
    if (DONE_STATES.has(milestone.state)) progress.milestonesDone += 1;
    if (milestone.state === "paid") progress.paidMinor += milestone.amountMinor;
    else if (milestone.state === "invoiced") progress.invoicedMinor += milestone.amountMinor;
    else if (milestone.state === "approved") progress.approvedMinor += milestone.amountMinor;
    else progress.openMinor += milestone.amountMinor;
  }
  return progress;
}
