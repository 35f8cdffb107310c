import { decideTransition, type MilestoneAction, type RefusalCode } from "../../domain/milestone-machine";
import type { MilestoneState } from "../../domain/milestone";
import { appendUserAuditEvent } from "../audit/chain";
import type { Tx } from "../prisma-client";
import { decisionInputs, milestoneDecisionSelect } from "./decision-inputs";
import { notifyAwaitingReview, notifyDecision, type NoticeDelivery } from "../notification/notices";
import { DataRefusal } from "../refusal";
import type { ActorScope } from "../scope";

export interface TransitionRequest {
  milestoneId: string;
  action: MilestoneAction;
  comment?: string;
  /** approve: the SHA-256 set of the evidence the approver was shown */
  presentedHashes?: string[];
}

export type TransitionResult =
  | { ok: true; milestoneId: string; state: MilestoneState; version: number }
  | { ok: false; code: RefusalCode | "NOT_FOUND"; reasons: string[] };

/** Thrown inside the transaction when another writer changed the milestone first. */
export class ConflictError extends DataRefusal<"CONFLICT"> {
  override name = "ConflictError";
  constructor(reasons: string[]) {
    super("CONFLICT", reasons);
  }
}

const isClientScope = (scope: ActorScope): scope is Extract<ActorScope, { clientId: string }> => "clientId" in scope;

/**
 * Decides and applies one transition in the caller's transaction: the milestone row is updated
 * only if its version is still the one decided on (else ConflictError), with its audit event.
 */
export async function applyTransition(
  tx: Tx,
  scope: ActorScope,
  request: TransitionRequest,
  notices?: NoticeDelivery,
): Promise<TransitionResult> {
  const row = await tx.milestone.findFirst({
    where: {
      id: request.milestoneId,
      organisationId: scope.organisationId,
      ...(isClientScope(scope) ? { engagement: { clientId: scope.clientId, status: { not: "draft" } } } : {}),
    },
    select: milestoneDecisionSelect,
  });
  if (!row) return { ok: false, code: "NOT_FOUND", reasons: ["milestone not found"] };

  const inputs = decisionInputs(row);
  const outcome = decideTransition(inputs.facts, request.action, {
    actor: scope.role,
    gate: inputs.gate,
    evidenceHashes: inputs.evidenceHashes,
    approvalHashes: inputs.approvalHashes,
    presentedHashes: request.presentedHashes,
    comment: request.comment,
    // paid is reached through invoice payments, which arrive with invoicing
    invoicePaid: false,
  });
  if (!outcome.ok) return { ok: false, code: outcome.code, reasons: outcome.reasons };

  const invoicedAmount = request.action === "invoice" ? row.amountMinor : row.invoicedAmountMinor;
  const updated = await tx.milestone.updateMany({
    where: { id: row.id, version: row.version },
    data: {
      state: outcome.to,
      version: row.version + 1,
      invoicedAmountMinor: invoicedAmount,
      ...(outcome.to === "verified" ? { verifiedAt: new Date() } : {}),
    },
  });
  if (updated.count !== 1)
    throw new ConflictError([
      `the milestone was changed by someone else while this ${request.action} was being decided`,
    ]);

  if (request.action === "approve" || request.action === "request_changes") {
    if (!isClientScope(scope)) throw new Error("approvals come from client users");
    await tx.approval.create({
      data: {
        organisationId: scope.organisationId,
        milestoneId: row.id,
        clientUserId: scope.clientUserId,
        type: request.action === "approve" ? "approved" : "changes_requested",
        comment: request.comment?.trim() ?? "",
        evidenceHashes: request.action === "approve" ? inputs.evidenceHashes : [],
      },
    });
  }

  await appendUserAuditEvent(tx, scope, {
    action: `milestone.${request.action}`,
    entityType: "milestone",
    entityId: row.id,
    engagementId: row.engagementId,
    before: { state: outcome.from, version: row.version },
    after: {
      state: outcome.to,
      version: row.version + 1,
      ...(request.action === "invoice" ? { invoicedAmountMinor: Number(row.amountMinor) } : {}),
    },
    data: {
      ...(request.comment?.trim() ? { comment: request.comment.trim() } : {}),
      ...(request.action === "approve" ? { evidenceHashes: inputs.evidenceHashes } : {}),
    },
  });
  if (notices && (request.action === "approve" || request.action === "request_changes")) {
    const actor = await tx.user.findUniqueOrThrow({ where: { id: scope.userId }, select: { name: true } });
    await notifyDecision(
      tx,
      row.id,
      request.action === "approve" ? "approved" : "changes_requested",
      actor.name,
      request.comment?.trim() ?? "",
      notices,
    );
  }
  if (notices && outcome.to === "verified") await notifyAwaitingReview(tx, row.id, notices);
  return { ok: true, milestoneId: row.id, state: outcome.to, version: row.version + 1 };
}
