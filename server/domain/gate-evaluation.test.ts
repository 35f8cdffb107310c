import { describe, expect, it } from "vitest";
import { evaluateGate, evidenceHashSet, sameHashSet, type EvidenceRecord } from "./gate-evaluation";

const requirements = [
  { id: "cov", kind: "coverage" },
  { id: "tests", kind: "junit" },
];

const evidence = (
  id: string,
  kind: string,
  createdAt: string,
  verdict?: "pass" | "fail",
  reasons: string[] = [],
): EvidenceRecord => ({
  id,
  kind,
  sha256: `${id}`.padEnd(64, "0"),
  createdAt,
  verifications: verdict ? [{ requirementId: null, verdict, reasons, createdAt }] : [],
});

describe("evaluateGate", () => {
  it("is open when the newest evidence of every required kind passed", () => {
    const gate = evaluateGate(requirements, [
      evidence("e1", "lcov", "2026-11-01T00:00:00Z", "pass"),
      evidence("e2", "junit", "2026-11-01T00:00:00Z", "pass"),
    ]);
    expect(gate.open).toBe(true);
    expect(gate.checks.map((c) => c.met)).toEqual([true, true]);
  });

  it("judges only the newest evidence of a kind: a new failing report closes the gate", () => {
    const gate = evaluateGate(requirements, [
      evidence("old", "lcov", "2026-11-01T00:00:00Z", "pass"),
      evidence("new", "cobertura", "2026-11-02T00:00:00Z", "fail", ["coverage 82.1% < 85%"]),
      evidence("t", "junit", "2026-11-01T00:00:00Z", "pass"),
    ]);
    expect(gate.open).toBe(false);
    expect(gate.checks[0]).toEqual({
      requirementId: "cov",
      kind: "coverage",
      met: false,
      reasons: ["coverage 82.1% < 85%"],
      evidenceId: "new",
    });
  });

  it("says what is missing and what is not verified yet", () => {
    const gate = evaluateGate(requirements, [evidence("e1", "lcov", "2026-11-01T00:00:00Z")]);
    expect(gate.checks.map((c) => c.reasons)).toEqual([
      ["coverage evidence e10000000000 is not verified yet"],
      ["no junit evidence attached"],
    ]);
  });

  it("prefers the verification made for the requirement itself", () => {
    const item: EvidenceRecord = {
      ...evidence("e1", "junit", "2026-11-01T00:00:00Z"),
      verifications: [
        { requirementId: null, verdict: "pass", reasons: [], createdAt: "2026-11-03T00:00:00Z" },
        { requirementId: "tests", verdict: "fail", reasons: ["2 tests < 5"], createdAt: "2026-11-02T00:00:00Z" },
      ],
    };
    expect(evaluateGate([{ id: "tests", kind: "junit" }], [item]).checks[0]?.reasons).toEqual(["2 tests < 5"]);
  });

  it("is open with no requirements (approval alone gates the milestone)", () => {
    expect(evaluateGate([], [])).toEqual({ open: true, checks: [] });
  });
});

describe("evidence hash sets", () => {
  it("compare as sets", () => {
    expect(evidenceHashSet([{ sha256: "b" }, { sha256: "a" }, { sha256: "b" }])).toEqual(["a", "b"]);
    expect(sameHashSet(["a", "b"], ["b", "a", "a"])).toBe(true);
    expect(sameHashSet(["a"], ["a", "b"])).toBe(false);
  });
});
