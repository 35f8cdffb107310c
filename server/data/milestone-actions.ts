import type { JsonValue } from "../domain/audit";
import { transaction } from "./client";
import { findReplay, isUniqueViolation, requestFingerprint, storeResult } from "./idempotency";
import { applyTransition, ConflictError, type TransitionRequest, type TransitionResult } from "./milestone-transition";
import type { NoticeDelivery } from "./notifications";
import type { ActorScope } from "./scope";

export type TransitionAnswer = TransitionResult | { ok: false; code: "CONFLICT" | "IDEMPOTENCY_MISMATCH"; reasons: string[] };

const MISMATCH: TransitionAnswer = {
  ok: false,
  code: "IDEMPOTENCY_MISMATCH",
  reasons: ["this idempotency key was already used for a different request"],
};

/**
 * Runs a milestone transition in one transaction with its audit event. With an idempotency key,
 * a retry returns the first answer and the same key with another body is refused. A lost race
 * answers CONFLICT and is not stored, so the caller may retry with the same key.
 */
export async function transitionMilestone(scope: ActorScope, request: TransitionRequest, idempotencyKey?: string, notices?: NoticeDelivery): Promise<TransitionAnswer> {
  const fingerprint = requestFingerprint("milestone.transition", { ...request } as unknown as JsonValue);
  if (idempotencyKey) {
    const replay = await findReplay<TransitionAnswer>(scope.organisationId, idempotencyKey, fingerprint);
    if (replay.kind === "replay") return replay.result;
    if (replay.kind === "mismatch") return MISMATCH;
  }
  try {
    return await transaction(async (tx) => {
      const result = await applyTransition(tx, scope, request, notices);
      if (idempotencyKey && !(result.ok === false && result.code === "NOT_FOUND")) {
        await storeResult(tx, scope.organisationId, idempotencyKey, fingerprint, result.ok ? 200 : 409, result as unknown as JsonValue);
      }
      return result;
    });
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, code: "CONFLICT", reasons: error.reasons };
    if (idempotencyKey && isUniqueViolation(error)) {
      // a concurrent request with the same key won; answer as it did
      const replay = await findReplay<TransitionAnswer>(scope.organisationId, idempotencyKey, fingerprint);
      if (replay.kind === "replay") return replay.result;
      if (replay.kind === "mismatch") return MISMATCH;
    }
    throw error;
  }
}
