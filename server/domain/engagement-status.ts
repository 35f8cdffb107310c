import type { MilestoneState } from "./milestone";

// Where an engagement stands. It ends completed, when nothing is left to bill (every milestone
// paid or cancelled), or cancelled, at any time with a reason; both are final. An ended
// engagement takes no more evidence from pipelines: its API tokens are revoked with it.

export const ENGAGEMENT_STATUSES = ["draft", "active", "completed", "cancelled"] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];
export const ENDING_STATUSES = ["completed", "cancelled"] as const;
export type EndingStatus = (typeof ENDING_STATUSES)[number];

const SETTLED: readonly MilestoneState[] = ["paid", "cancelled"];

export function isEnded(status: EngagementStatus): boolean {
  return (ENDING_STATUSES as readonly string[]).includes(status);
}

/** Reasons the engagement may not end as `next` now; empty when it may. */
export function endingProblems(
  current: EngagementStatus,
  next: EndingStatus,
  milestones: readonly { title: string; state: MilestoneState }[],
): string[] {
  if (isEnded(current)) return [`the engagement is ${current} already`];
  if (next === "cancelled") return [];
  return milestones
    .filter((m) => !SETTLED.includes(m.state))
    .map(
      (m) => `${m.title} is ${m.state.replace("_", " ")}: only paid or cancelled milestones let an engagement complete`,
    );
}
