import { describe, expect, it } from "vitest";
import { endingProblems, isEnded } from "./engagement-status";

describe("ending an engagement", () => {
  it("completes only when every milestone is paid or cancelled", () => {
    expect(
      endingProblems("active", "completed", [
        { title: "Review", state: "paid" },
        { title: "Upgrade", state: "cancelled" },
      ]),
    ).toEqual([]);
    expect(
      endingProblems("active", "completed", [
        { title: "Review", state: "paid" },
        { title: "Delivery", state: "in_progress" },
      ]),
    ).toEqual(["Delivery is in progress: only paid or cancelled milestones let an engagement complete"]);
  });

  it("cancels at any time, and an ended engagement stays ended", () => {
    expect(endingProblems("active", "cancelled", [{ title: "Delivery", state: "approved" }])).toEqual([]);
    expect(endingProblems("completed", "cancelled", [])).toEqual(["the engagement is completed already"]);
    expect(isEnded("cancelled")).toBe(true);
    expect(isEnded("active")).toBe(false);
  });
});
