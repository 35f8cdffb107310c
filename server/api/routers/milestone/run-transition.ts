import { TRPCError } from "@trpc/server";
import { transitionMilestone, type TransitionAnswer } from "../../../data/milestone-actions";
import type { NoticeDelivery } from "../../../data/notifications";
import type { ActorScope } from "../../../data/scope";
import { deliverOutbox } from "../../../mail/deliver";
import { Refusal } from "../../trpc";
import type { TransitionInput } from "./transition.schema";

const STATUS_BY_REFUSAL: Record<string, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  COMMENT_REQUIRED: "BAD_REQUEST",
  IDEMPOTENCY_MISMATCH: "UNPROCESSABLE_CONTENT",
};

export function refusalError(code: string, reasons: string[]): TRPCError {
  return new TRPCError({ code: STATUS_BY_REFUSAL[code] ?? "CONFLICT", message: reasons.join("; "), cause: new Refusal(code, reasons) });
}

/** Shared by the consultant and portal procedures: the scope decides who the actor is. */
export async function runTransition(scope: ActorScope, input: TransitionInput, notices: NoticeDelivery) {
  const answer: TransitionAnswer = await transitionMilestone(
    scope,
    { milestoneId: input.milestoneId, action: input.action, comment: input.comment, presentedHashes: input.evidenceSha256 },
    input.idempotencyKey,
    notices,
  );
  void deliverOutbox();
  if (!answer.ok) throw refusalError(answer.code, answer.reasons);
  return { milestoneId: answer.milestoneId, state: answer.state, version: answer.version };
}
