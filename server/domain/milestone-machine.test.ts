import { describe, expect, it } from "vitest";
import type { GateEvaluation } from "./gate-evaluation";
import { MILESTONE_STATES, type MilestoneState } from "./milestone";
import {
  availableActions,
  decideTransition,
  MILESTONE_ACTIONS,
  stateAfterNewEvidence,
  type ActorRole,
  type MilestoneAction,
  type TransitionContext,
} from "./milestone-machine";

const OPEN: GateEvaluation = {
  open: true,
  checks: [{ requirementId: "r1", kind: "junit", met: true, reasons: [], evidenceId: "e1" }],
};
const CLOSED: GateEvaluation = {
  open: false,
  checks: [
    { requirementId: "r1", kind: "coverage", met: false, reasons: ["coverage 82.1% < 85%"], evidenceId: "e1" },
    { requirementId: "r2", kind: "git-tag", met: false, reasons: ["tag v1.0.0 not found"], evidenceId: "e2" },
    { requirementId: "r3", kind: "junit", met: true, reasons: [], evidenceId: "e3" },
  ],
};

const ctx = (over: Partial<TransitionContext> = {}): TransitionContext => ({
  actor: "consultant",
  gate: OPEN,
  evidenceHashes: ["a", "b"],
  approvalHashes: ["a", "b"],
  presentedHashes: ["b", "a"],
  comment: "please add the load test",
  invoicePaid: true,
  ...over,
});

// The full table: [action, state it may start from, resulting state, roles], standard milestones.
const EXPECTED: Record<MilestoneAction, { from: MilestoneState[]; to: MilestoneState; roles: ActorRole[] }> = {
  start: { from: ["planned", "changes_requested"], to: "in_progress", roles: ["owner", "consultant"] },
  submit: { from: ["in_progress", "changes_requested"], to: "submitted", roles: ["owner", "consultant"] },
  verify: { from: ["submitted"], to: "verified", roles: ["owner", "consultant", "system"] },
  approve: { from: ["verified"], to: "approved", roles: ["approver"] },
  request_changes: { from: ["submitted", "verified"], to: "changes_requested", roles: ["approver"] },
  invoice: { from: ["approved"], to: "invoiced", roles: ["owner", "consultant"] },
  pay: { from: ["invoiced"], to: "paid", roles: ["owner", "consultant", "system"] },
  cancel: {
    from: ["planned", "in_progress", "submitted", "verified", "approved", "changes_requested"],
    to: "cancelled",
    roles: ["owner", "consultant"],
  },
};
const ROLES: ActorRole[] = ["owner", "consultant", "approver", "viewer", "system"];

describe("milestone transition table", () => {
  const cases = MILESTONE_ACTIONS.flatMap((action) =>
    MILESTONE_STATES.flatMap((state) => ROLES.map((role) => [action, state, role] as const)),
  );

  it.each(cases)("%s from %s by %s follows the table", (action, state, role) => {
    const expected = EXPECTED[action];
    const outcome = decideTransition(
      { state, kind: "standard", invoicedAmountMinor: null },
      action,
      ctx({ actor: role }),
    );
    if (!expected.roles.includes(role)) {
      expect(outcome).toMatchObject({ ok: false, code: "FORBIDDEN" });
    } else if (!expected.from.includes(state)) {
      expect(outcome).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
      if (!outcome.ok) expect(outcome.reasons[0]).toContain(state);
    } else {
      expect(outcome).toEqual({ ok: true, action, from: state, to: expected.to });
    }
  });

  it("covers every action and state", () => {
    expect(cases).toHaveLength(MILESTONE_ACTIONS.length * MILESTONE_STATES.length * ROLES.length);
  });
});

describe("guards", () => {
  const standard = (state: MilestoneState) => ({ state, kind: "standard" as const, invoicedAmountMinor: null });

  it("verify names one reason per unmet requirement", () => {
    expect(decideTransition(standard("submitted"), "verify", ctx({ gate: CLOSED }))).toEqual({
      ok: false,
      action: "verify",
      code: "GATE_CLOSED",
      reasons: ["coverage 82.1% < 85%", "tag v1.0.0 not found"],
    });
  });

  it("approve is bound to the evidence the approver saw", () => {
    expect(
      decideTransition(standard("verified"), "approve", ctx({ actor: "approver", presentedHashes: ["a"] })),
    ).toMatchObject({ ok: false, code: "EVIDENCE_CHANGED" });
    expect(
      decideTransition(standard("verified"), "approve", ctx({ actor: "approver", presentedHashes: undefined })),
    ).toMatchObject({ ok: false, code: "EVIDENCE_CHANGED" });
    // new evidence sent the milestone back to submitted while the approver was reading: the
    // refusal names the evidence change, not the state
    expect(
      decideTransition(standard("submitted"), "approve", ctx({ actor: "approver", presentedHashes: ["a"] })),
    ).toMatchObject({ ok: false, code: "EVIDENCE_CHANGED" });
    expect(decideTransition(standard("verified"), "approve", ctx({ actor: "approver" }))).toMatchObject({
      ok: true,
      to: "approved",
    });
  });

  it("request changes needs a comment", () => {
    expect(
      decideTransition(standard("verified"), "request_changes", ctx({ actor: "approver", comment: "  " })),
    ).toMatchObject({ ok: false, code: "COMMENT_REQUIRED" });
  });

  it("invoice needs an approval of the current evidence, and happens once", () => {
    expect(decideTransition(standard("approved"), "invoice", ctx({ approvalHashes: null }))).toMatchObject({
      ok: false,
      code: "GATE_CLOSED",
    });
    expect(decideTransition(standard("approved"), "invoice", ctx({ approvalHashes: ["a"] }))).toMatchObject({
      ok: false,
      code: "GATE_CLOSED",
    });
    expect(
      decideTransition({ state: "approved", kind: "standard", invoicedAmountMinor: 5 }, "invoice", ctx()),
    ).toMatchObject({
      ok: false,
      code: "INVALID_TRANSITION",
    });
    expect(
      decideTransition({ state: "invoiced", kind: "standard", invoicedAmountMinor: 5 }, "invoice", ctx()),
    ).toMatchObject({
      ok: false,
      code: "INVALID_TRANSITION",
      reasons: ["cannot invoice a milestone that is invoiced; it has already been invoiced"],
    });
  });

  it("a prepaid milestone is invoiced on its own gate, without delivery or approval", () => {
    const prepaid = { state: "planned" as const, kind: "prepaid" as const, invoicedAmountMinor: null };
    expect(decideTransition(prepaid, "invoice", ctx({ approvalHashes: null }))).toMatchObject({
      ok: true,
      to: "invoiced",
    });
    expect(decideTransition(prepaid, "invoice", ctx({ gate: CLOSED }))).toMatchObject({
      ok: false,
      code: "GATE_CLOSED",
    });
  });

  it("pay waits for the invoice to be paid in full", () => {
    expect(decideTransition(standard("invoiced"), "pay", ctx({ invoicePaid: false }))).toMatchObject({
      ok: false,
      code: "GATE_CLOSED",
    });
  });

  it("offers each role only the actions its state allows", () => {
    expect(availableActions(standard("verified"), "approver")).toEqual(["approve", "request_changes"]);
    expect(availableActions(standard("verified"), "consultant")).toEqual(["cancel"]);
    expect(availableActions(standard("planned"), "owner")).toEqual(["start", "cancel"]);
    expect(availableActions(standard("verified"), "viewer")).toEqual([]);
  });

  it("new evidence sends decided milestones back to submitted and voids an approval", () => {
    expect(stateAfterNewEvidence("approved")).toEqual({ state: "submitted", voidsApproval: true });
    expect(stateAfterNewEvidence("verified")).toEqual({ state: "submitted", voidsApproval: false });
    expect(stateAfterNewEvidence("in_progress")).toEqual({ state: "in_progress", voidsApproval: false });
    expect(stateAfterNewEvidence("invoiced")).toEqual({ state: "invoiced", voidsApproval: false });
  });
});
