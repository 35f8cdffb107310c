import { z } from "zod";
import { ZMilestoneState } from "../../../domain/milestone";

// `pay` is not requested: a milestone becomes paid when its invoice is paid in full.
export const TRANSITION_ACTIONS = ["start", "submit", "verify", "approve", "request_changes", "invoice", "cancel"] as const;
export const ZTransitionAction = z.enum(TRANSITION_ACTIONS);

export const ZIdempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, "letters, digits and . _ : - only");
export const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/, "a lowercase hex SHA-256");

export const ZTransitionInput = z.strictObject({
  milestoneId: z.string().trim().min(1).max(64),
  action: ZTransitionAction,
  comment: z.string().max(4_000).optional(),
  /** approve: the SHA-256 of every evidence item the approver was shown */
  evidenceSha256: z.array(ZSha256).max(500).optional(),
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type TransitionInput = z.infer<typeof ZTransitionInput>;

export const ZTransitionOut = z.object({ milestoneId: z.string(), state: ZMilestoneState, version: z.number().int() });
