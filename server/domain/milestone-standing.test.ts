import { describe, expect, it } from "vitest";
import { milestoneStanding } from "./milestone-standing";

describe("milestoneStanding", () => {
  it.each([
    [{ state: "planned", kind: "standard", gateOpen: false }, "not_started"],
    [{ state: "in_progress", kind: "standard", gateOpen: false }, "gate_failing"],
    [{ state: "submitted", kind: "standard", gateOpen: false }, "gate_failing"],
    [{ state: "in_progress", kind: "standard", gateOpen: true }, "ready_to_submit"],
    [{ state: "submitted", kind: "standard", gateOpen: true }, "ready_to_verify"],
    [{ state: "verified", kind: "standard", gateOpen: true }, "awaiting_approval"],
    [{ state: "approved", kind: "standard", gateOpen: true }, "ready_to_invoice"],
    [{ state: "planned", kind: "prepaid", gateOpen: true }, "ready_to_invoice"],
    [{ state: "planned", kind: "prepaid", gateOpen: false }, "not_started"],
    [{ state: "invoiced", kind: "standard", gateOpen: true }, "awaiting_payment"],
    [{ state: "paid", kind: "standard", gateOpen: true }, "paid"],
    [{ state: "changes_requested", kind: "standard", gateOpen: false }, "changes_requested"],
  ] as const)("%o waits as %s", (milestone, standing) => {
    expect(milestoneStanding(milestone)).toBe(standing);
  });
});
