import { z } from "zod";
import { ZMilestoneState } from "../../../domain/milestone";
import { ZRequestedAction } from "../../../domain/milestone-machine";
import { ZEntityId, ZIdempotencyKey, ZSha256 } from "../../../domain/schemas";


export const ZTransitionInput = z.strictObject({
  milestoneId: ZEntityId,
  action: ZRequestedAction,
  comment: z.string().max(4_000).optional(),
  /** approve: the SHA-256 of every evidence item the approver was shown */
  evidenceSha256: z.array(ZSha256).max(500).optional(),
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type TransitionInput = z.infer<typeof ZTransitionInput>;

export const ZTransitionOut = z.object({ milestoneId: z.string(), state: ZMilestoneState, version: z.number().int() });
