import { visibleVoidReason } from "../../../domain/approval-void";
import type { ApprovalRecord } from "../../../data/portal/review";

/** A decision as the client reads it: why a voided one no longer stands, amounts only if they may see them. */
export function presentDecision(a: ApprovalRecord, showAmounts: boolean) {
  return {
    type: a.type,
    by: a.by,
    comment: a.comment,
    evidenceHashes: a.evidenceHashes,
    voided: a.voided,
    voidReason: a.voided ? visibleVoidReason(a.voidReason, showAmounts) : null,
    createdAt: a.createdAt,
  };
}
