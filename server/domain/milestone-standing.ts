import type { MilestoneKind, MilestoneState } from "./milestone";

// What a milestone waits for, in one word a page can show and link from: the overview of an
// engagement and the home pages ask this one function so they never disagree.

export const MILESTONE_STANDINGS = [
  "not_started",
  "gate_failing",
  "ready_to_submit",
  "ready_to_verify",
  "changes_requested",
  "awaiting_approval",
  "ready_to_invoice",
  "awaiting_payment",
  "paid",
  "cancelled",
] as const;
export type MilestoneStanding = (typeof MILESTONE_STANDINGS)[number];

export function milestoneStanding(milestone: {
  state: MilestoneState;
  kind: MilestoneKind;
  gateOpen: boolean;
}): MilestoneStanding {
  const { state, kind, gateOpen } = milestone;
  switch (state) {
    case "planned":
      return kind === "prepaid" && gateOpen ? "ready_to_invoice" : "not_started";
    case "in_progress":
    case "submitted":
      if (!gateOpen) return "gate_failing";
      if (kind === "prepaid") return "ready_to_invoice";
      return state === "in_progress" ? "ready_to_submit" : "ready_to_verify";
    case "changes_requested":
      return "changes_requested";
    case "verified":
      if (kind === "prepaid") return gateOpen ? "ready_to_invoice" : "gate_failing";
      return "awaiting_approval";
    case "approved":
      return gateOpen ? "ready_to_invoice" : "gate_failing";
    case "invoiced":
      return "awaiting_payment";
    case "paid":
      return "paid";
    case "cancelled":
      return "cancelled";
  }
}
