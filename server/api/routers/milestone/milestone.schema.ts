import { z } from "zod";
import { ATTESTING_PARTIES } from "../../../domain/gate";
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

export const ZAttestInput = z.strictObject({
  milestoneId: ZEntityId,
  statement: z.string().trim().min(1).max(500),
  idempotencyKey: ZIdempotencyKey.optional(),
});

export const ZAttestationOut = z.object({
  evidenceId: z.string(),
  sha256: z.string(),
  milestoneId: z.string(),
  requirementId: z.string(),
  party: z.enum(ATTESTING_PARTIES),
  statement: z.string(),
  attestedBy: z.object({ userId: z.string(), name: z.string() }),
  attestedAt: z.string(),
});

export const ZRunProbesInput = z.strictObject({ milestoneId: ZEntityId });
export const ZProbeOutcomesOut = z.array(
  z.object({
    requirementId: z.string(),
    kind: z.string(),
    verdict: z.enum(["pass", "fail"]),
    reasons: z.array(z.string()),
  }),
);

export const ZReverifyInput = z.strictObject({ evidenceId: ZEntityId });
export const ZReverifiedOut = z.array(
  z.object({
    requirementId: z.string().nullable(),
    verdict: z.enum(["pass", "fail", "error"]),
    reasons: z.array(z.string()),
  }),
);
