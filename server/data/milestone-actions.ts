import type { JsonValue } from "../domain/audit";
import { idempotencyActor, runOnce } from "./idempotency";
import { applyTransition, type TransitionRequest, type TransitionResult } from "./milestone-transition";
import type { NoticeDelivery } from "./notifications";
import { DataRefusal } from "./refusal";
import type { ActorScope } from "./scope";

export type TransitionAnswer = TransitionResult | { ok: false; code: "CONFLICT" | "IDEMPOTENCY_MISMATCH"; reasons: string[] };

type Applied = Extract<TransitionResult, { ok: true }>;

/**
 * Runs a milestone transition in one transaction with its audit event. With an idempotency key,
 * the first answer to the key, success or refusal, is the answer to every retry, and the same key
 * with another body is refused (see idempotency.ts).
 */
export async function transitionMilestone(scope: ActorScope, request: TransitionRequest, idempotencyKey?: string, notices?: NoticeDelivery): Promise<TransitionAnswer> {
  try {
    return await runOnce<Applied>(idempotencyActor(scope), idempotencyKey, "milestone.transition", { ...request } as unknown as JsonValue, {
      run: async (tx) => {
        const result = await applyTransition(tx, scope, request, notices);
        if (!result.ok) throw new DataRefusal(result.code, result.reasons);
        return result;
      },
      store: (result) => ({ ...result }),
      replay: async (stored) => stored as unknown as Applied,
    });
  } catch (error) {
    if (error instanceof DataRefusal) return { ok: false, code: error.code, reasons: error.reasons } as TransitionAnswer;
    throw error;
  }
}
