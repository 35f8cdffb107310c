import { z } from "zod";
import { sameHashSet, type GateEvaluation } from "./gate-evaluation";
import type { MilestoneKind, MilestoneState } from "./milestone";

// The milestone state machine: a typed transition table with one guard per transition. Pure:
// the data layer loads the milestone, its gate evaluation and approval, asks decideTransition,
// and persists the outcome in one transaction with its audit event.

export const MILESTONE_ACTIONS = [
  "start",
  "submit",
  "verify",
  "approve",
  "request_changes",
  "invoice",
  "pay",
  "cancel",
] as const;
export const ZMilestoneAction = z.enum(MILESTONE_ACTIONS);
export type MilestoneAction = z.infer<typeof ZMilestoneAction>;
/**
 * What a person or a client may ask for: `pay` is not requested, a milestone becomes paid when its invoice is paid in
 * full.
 */
export const ZRequestedAction = ZMilestoneAction.exclude(["pay"]);
export type RequestedAction = z.infer<typeof ZRequestedAction>;
export const REQUESTED_ACTIONS = ZRequestedAction.options;

export type ActorRole = "owner" | "consultant" | "approver" | "viewer" | "system";

export interface MilestoneFacts {
  state: MilestoneState;
  kind: MilestoneKind;
  invoicedAmountMinor: number | null;
}

export interface TransitionContext {
  actor: ActorRole;
  gate: GateEvaluation;
  /** SHA-256 set of the evidence attached now */
  evidenceHashes: readonly string[];
  /** the standing approval's hash set, if the milestone has one */
  approvalHashes: readonly string[] | null;
  /** approve: the hash set the approver was shown */
  presentedHashes?: readonly string[];
  comment?: string;
  /** pay: whether the milestone's invoice is fully paid */
  invoicePaid?: boolean;
}

export type RefusalCode = "FORBIDDEN" | "INVALID_TRANSITION" | "GATE_CLOSED" | "EVIDENCE_CHANGED" | "COMMENT_REQUIRED";

export type TransitionOutcome =
  | { ok: true; action: MilestoneAction; from: MilestoneState; to: MilestoneState }
  | { ok: false; action: MilestoneAction; code: RefusalCode; reasons: string[] };

type Guard = (milestone: MilestoneFacts, ctx: TransitionContext) => { code: RefusalCode; reasons: string[] } | null;

interface TransitionRule {
  from: (milestone: MilestoneFacts) => readonly MilestoneState[];
  to: MilestoneState;
  roles: readonly ActorRole[];
  guard?: Guard;
}

const CONSULTANT: readonly ActorRole[] = ["owner", "consultant"];
const APPROVER: readonly ActorRole[] = ["approver"];
const OPEN_STATES: readonly MilestoneState[] = [
  "planned",
  "in_progress",
  "submitted",
  "verified",
  "approved",
  "changes_requested",
];

const gateOpen: Guard = (_m, ctx) => {
  if (ctx.gate.open) return null;
  return { code: "GATE_CLOSED", reasons: ctx.gate.checks.filter((c) => !c.met).flatMap((c) => c.reasons) };
};

const approvalStillValid: Guard = (_m, ctx) => {
  if (ctx.approvalHashes && sameHashSet(ctx.approvalHashes, ctx.evidenceHashes)) return null;
  return { code: "GATE_CLOSED", reasons: ["no valid client approval for the current evidence"] };
};

const notInvoicedYet: Guard = (m) =>
  m.invoicedAmountMinor === null
    ? null
    : { code: "INVALID_TRANSITION", reasons: ["the milestone has already been invoiced"] };

const all =
  (...guards: Guard[]): Guard =>
  (m, ctx) => {
    for (const guard of guards) {
      const refusal = guard(m, ctx);
      if (refusal) return refusal;
    }
    return null;
  };

export const TRANSITIONS: Record<MilestoneAction, TransitionRule> = {
  start: { from: () => ["planned", "changes_requested"], to: "in_progress", roles: CONSULTANT },
  submit: { from: () => ["in_progress", "changes_requested"], to: "submitted", roles: CONSULTANT },
  verify: { from: () => ["submitted"], to: "verified", roles: [...CONSULTANT, "system"], guard: gateOpen },
  approve: {
    from: () => ["verified"],
    to: "approved",
    roles: APPROVER,
    guard: all(gateOpen, (_m, ctx) =>
      ctx.presentedHashes && sameHashSet(ctx.presentedHashes, ctx.evidenceHashes)
        ? null
        : {
            code: "EVIDENCE_CHANGED",
            reasons: [
              "the evidence changed while it was being reviewed; review the current evidence and approve again",
            ],
          },
    ),
  },
  request_changes: {
    from: () => ["submitted", "verified"],
    to: "changes_requested",
    roles: APPROVER,
    guard: (_m, ctx) =>
      ctx.comment?.trim() ? null : { code: "COMMENT_REQUIRED", reasons: ["say what needs to change"] },
  },
  invoice: {
    // a prepaid milestone (e.g. upgrade rights) is invoiced on its own gate, before delivery
    from: (m) =>
      m.kind === "prepaid" ? ["planned", "in_progress", "submitted", "verified", "approved"] : ["approved"],
    to: "invoiced",
    roles: CONSULTANT,
    guard: (m, ctx) => all(notInvoicedYet, gateOpen, ...(m.kind === "prepaid" ? [] : [approvalStillValid]))(m, ctx),
  },
  pay: {
    from: () => ["invoiced"],
    to: "paid",
    roles: [...CONSULTANT, "system"],
    guard: (_m, ctx) => (ctx.invoicePaid ? null : { code: "GATE_CLOSED", reasons: ["the invoice is not fully paid"] }),
  },
  cancel: { from: () => OPEN_STATES, to: "cancelled", roles: CONSULTANT },
};

export function decideTransition(
  milestone: MilestoneFacts,
  action: MilestoneAction,
  ctx: TransitionContext,
): TransitionOutcome {
  const rule = TRANSITIONS[action];
  if (!rule.roles.includes(ctx.actor)) {
    return {
      ok: false,
      action,
      code: "FORBIDDEN",
      reasons: [`a ${ctx.actor} may not ${action.replace("_", " ")} a milestone`],
    };
  }
  // an approver who reviewed other evidence than there is now hears exactly that, whatever the
  // new evidence did to the state (it returns a verified milestone to submitted)
  if (action === "approve" && ctx.presentedHashes && !sameHashSet(ctx.presentedHashes, ctx.evidenceHashes)) {
    return {
      ok: false,
      action,
      code: "EVIDENCE_CHANGED",
      reasons: ["the evidence changed while it was being reviewed; review the current evidence and approve again"],
    };
  }
  const from = rule.from(milestone);
  if (!from.includes(milestone.state)) {
    const hint = milestone.invoicedAmountMinor !== null && action === "invoice" ? "; it has already been invoiced" : "";
    return {
      ok: false,
      action,
      code: "INVALID_TRANSITION",
      reasons: [`cannot ${action.replace("_", " ")} a milestone that is ${milestone.state}${hint}`],
    };
  }
  const refusal = rule.guard?.(milestone, ctx);
  if (refusal)
    return { ok: false, action, ...refusal, reasons: refusal.reasons.length ? refusal.reasons : [refusal.code] };
  return { ok: true, action, from: milestone.state, to: rule.to };
}

/** The actions a role could take now (the UI shows only these; guards may still refuse). */
export function availableActions(milestone: MilestoneFacts, actor: ActorRole): RequestedAction[] {
  return REQUESTED_ACTIONS.filter((action) => {
    const rule = TRANSITIONS[action];
    return rule.roles.includes(actor) && rule.from(milestone).includes(milestone.state);
  });
}

/**
 * New evidence invalidates what was decided on the old: a submitted, verified or approved
 * milestone returns to submitted, and a standing approval is voided.
 */
export function stateAfterNewEvidence(state: MilestoneState): { state: MilestoneState; voidsApproval: boolean } {
  if (state === "verified" || state === "submitted") return { state: "submitted", voidsApproval: false };
  if (state === "approved") return { state: "submitted", voidsApproval: true };
  return { state, voidsApproval: false };
}
