import { describe, expect, it } from "vitest";
import {
  applyTranslation,
  draftFromView,
  draftProblems,
  emptyObjectiveDraft,
  fieldOfIssue,
  sourceFromValue,
  sourceValue,
} from "./form-values";

const slowReports = {
  key: "slow_reports",
  target: { metric: "report_latency_p99", comparator: "lt" as const, value: 800, unit: "ms", percentile: 99 },
  costUnit: "analyst hours/month",
};

describe("the objective form's values", () => {
  it("fills the target and cost unit from a library entry, keeping what was already written", () => {
    const draft = { ...emptyObjectiveDraft(), pain: "Month-end reports take minutes" };
    const filled = applyTranslation(draft, slowReports, { pain: "Reports are slow", goal: "Close the month on time" });
    expect(filled.pain).toBe("Month-end reports take minutes");
    expect(filled.businessGoal).toBe("Close the month on time");
    expect(filled.target).toEqual(slowReports.target);
    expect(filled.cost).toEqual({ value: null, unit: "analyst hours/month" });
    expect(filled.translationKey).toBe("slow_reports");
    // the entry's target is copied, so editing the draft never changes the library
    filled.target.value = 500;
    expect(slowReports.target.value).toBe(800);
  });

  it("names the field of every problem, in the reader's words where a number is not one", () => {
    const draft = { ...emptyObjectiveDraft(), pain: "Export stutters", observedBehaviour: "Exports stall" };
    const problems = draftProblems({ ...draft, baseline: Number.NaN }, null, "Enter a number.");
    expect(problems?.["target.value"]).toEqual(["Enter a number."]);
    expect(problems?.baseline).toEqual(["Enter a number."]);
    expect(problems?.["target.metric"]?.length).toBeGreaterThan(0);
    expect(problems?.["target.unit"]?.length).toBeGreaterThan(0);
    expect(problems?.pain).toBeUndefined();
  });

  it("passes a complete draft, and refuses a percentile over 100 at its field", () => {
    const draft = applyTranslation({ ...emptyObjectiveDraft(), observedBehaviour: "Analysts wait" }, slowReports, {
      pain: "Reports are slow",
      goal: "",
    });
    expect(draftProblems(draft, { kind: "requirement", id: "c0000000000000000000000001" }, "n")).toBeNull();
    const over = { ...draft, target: { ...draft.target, percentile: 120 } };
    expect(Object.keys(draftProblems(over, null, "n") ?? {})).toEqual(["target.percentile"]);
  });

  it("maps the server's issue paths to the same fields", () => {
    expect(fieldOfIssue("fields.target.value")).toBe("target.value");
    expect(fieldOfIssue("fields.cost.unit")).toBe("cost.unit");
    expect(fieldOfIssue("fields.source.id")).toBe("source");
    expect(fieldOfIssue("fields.pain")).toBe("pain");
    expect(fieldOfIssue("engagementId")).toBe("form");
  });

  it("keeps a source as one select value and reads it back", () => {
    const source = { kind: "sla_clause" as const, id: "clause1" };
    expect(sourceFromValue(sourceValue(source))).toEqual(source);
    expect(sourceValue(null)).toBe("");
    expect(sourceFromValue("")).toBeNull();
    expect(sourceFromValue("milestone:x")).toBeNull();
  });

  it("edits an objective as read", () => {
    const draft = draftFromView({
      id: "o1",
      pain: "Reports are slow",
      observedBehaviour: "P99 2.4 s",
      cost: { value: 40, unit: "hours/month" },
      costPerQuarterMinor: 18_000_000,
      businessGoal: "",
      target: slowReports.target,
      baseline: 2400,
      actual: 640,
      verdict: "met",
      source: null,
      sourceLabel: null,
      actualAt: null,
      actualDetail: null,
      translationKey: "slow_reports",
    });
    expect(draft).not.toHaveProperty("source");
    expect(draft.costPerQuarterMinor).toBe(18_000_000);
    expect(draftProblems(draft, null, "n")).toBeNull();
  });
});
