import type { JsonValue } from "../../domain/audit";
import { idempotencyActor, runOnce } from "../idempotency";
import { applyTransition, type TransitionRequest, type TransitionResult } from "./transition";
import type { NoticeDelivery } from "../notification/notices";
import { DataRefusal } from "../refusal";
import type { ActorScope } from "../scope";

export type AppliedTransition = Extract<TransitionResult, { ok: true }>;

/**
 * Runs a milestone transition in one transaction with its audit event. With an idempotency key,
 * the first answer to the key, success or refusal, is the answer to every retry, and the same key
 * with another body is refused (see idempotency.ts). A refusal is thrown as a DataRefusal.
 */
export async function transitionMilestone(
  scope: ActorScope,
  request: TransitionRequest,
  idempotencyKey?: string,
  notices?: NoticeDelivery,
): Promise<AppliedTransition> {
  return runOnce<AppliedTransition>(
    idempotencyActor(scope),
    idempotencyKey,
    "milestone.transition",
    { ...request } as unknown as JsonValue,
    {
      run: async (tx) => {
        const result = await applyTransition(tx, scope, request, notices);
        if (!result.ok) throw new DataRefusal(result.code, result.reasons);
        return result;
      },
      store: (result) => ({ ...result }),
      replay: async (stored) => stored as unknown as AppliedTransition,
    },
  );
}
