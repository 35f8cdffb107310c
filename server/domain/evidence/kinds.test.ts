import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GATE_REQUIREMENT_KINDS, ZGateRequirement, type GateRequirement } from "../gate";
import { evaluateGate } from "../gate-evaluation";
import { EVIDENCE_KINDS, evidenceKindsFor, FILE_VERIFIER_KINDS, type FileVerifierKind } from "./kinds";
import { goBenchCriteria, thresholdsForRequirement } from "./requirement-thresholds";
import { bytesOf } from "./stream";
import { verifyFile } from "./verify";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name));

// For every kind the upload route accepts: a real file of that kind and a requirement it should meet.
// The record is keyed by the upload list, so a new uploadable kind without a way through a gate
// does not compile, and one whose verifier or requirement mapping is missing fails below.
const PASSING_UPLOAD: Record<FileVerifierKind, { file: Buffer; requirement: GateRequirement }> = {
  lcov: { file: fixture("calc.info"), requirement: { kind: "coverage", params: { metric: "lines", minPct: 80 } } },
  cobertura: {
    file: fixture("cobertura.xml"),
    requirement: { kind: "coverage", params: { metric: "lines", minPct: 1 } },
  },
  jacoco: { file: fixture("jacoco.xml"), requirement: { kind: "coverage", params: { metric: "lines", minPct: 1 } } },
  "go-cover": {
    file: fixture("cover-count.out"),
    requirement: { kind: "coverage", params: { metric: "lines", minPct: 1 } },
  },
  istanbul: {
    file: fixture("istanbul-nyc-summary.json"),
    requirement: { kind: "coverage", params: { metric: "lines", minPct: 1 } },
  },
  "go-bench": {
    file: fixture("bench-new.txt"),
    requirement: { kind: "go-bench", params: { benchmark: "SyncBlock", compareToBaseline: false } },
  },
  junit: {
    file: Buffer.from(
      '<testsuite name="fees" tests="2"><testcase classname="fees" name="rounds half-up"/><testcase ' +
        'classname="fees" name="splits"/></testsuite>',
    ),
    requirement: { kind: "junit", params: { minTests: 1 } },
  },
  k6: {
    file: fixture("k6-summary-export.json"),
    requirement: { kind: "load-test", params: { percentile: "p95", maxMs: 600_000 } },
  },
  jmeter: {
    file: fixture("jmeter.jtl"),
    requirement: { kind: "load-test", params: { percentile: "p95", maxMs: 600_000 } },
  },
  sha256: {
    file: Buffer.from("signed statement of work\n"),
    requirement: { kind: "sha256", params: { label: "Signed SOW" } },
  },
  "manifest-review": {
    file: Buffer.from("module example.test/app\n\ngo 1.22\n"),
    requirement: { kind: "manifest-review", params: { manifest: "go.mod" } },
  },
};

describe("evidence kinds", () => {
  it.each(FILE_VERIFIER_KINDS)("an uploaded %s file can open a gate", async (kind) => {
    const { file, requirement } = PASSING_UPLOAD[kind];
    const parsed = ZGateRequirement.parse(requirement);
    const thresholds = thresholdsForRequirement(parsed, kind);
    expect(thresholds, `${kind} cannot satisfy a ${parsed.kind} requirement`).not.toBeNull();
    const result = await verifyFile({
      kind,
      file: bytesOf(file),
      thresholds: thresholds ?? [],
      goBench: goBenchCriteria(parsed),
      expectedManifest: parsed.kind === "manifest-review" ? parsed.params.manifest : undefined,
    });
    expect(result.reasons).toEqual([]);
    const gate = evaluateGate(
      [{ id: "r1", kind: parsed.kind }],
      [
        {
          id: "e1",
          kind,
          sha256: "a".repeat(64),
          createdAt: "2026-01-01T00:00:00.000Z",
          verifications: [
            {
              requirementId: "r1",
              verdict: result.verdict,
              reasons: result.reasons,
              createdAt: "2026-01-01T00:00:01.000Z",
            },
          ],
        },
      ],
    );
    expect(gate.open).toBe(true);
  });

  it("every requirement kind can be met by some evidence, and each evidence kind meets exactly the kind it names", () => {
    for (const requirementKind of GATE_REQUIREMENT_KINDS)
      expect(evidenceKindsFor(requirementKind).length, requirementKind).toBeGreaterThan(0);
    for (const [kind, entry] of Object.entries(EVIDENCE_KINDS)) {
      expect(GATE_REQUIREMENT_KINDS).toContain(entry.satisfies);
      expect(evidenceKindsFor(entry.satisfies)).toContain(kind);
    }
  });

  it("evidence of another kind never meets a requirement", () => {
    const gate = evaluateGate(
      [{ id: "r1", kind: "junit" }],
      [
        {
          id: "e1",
          kind: "lcov",
          sha256: "b".repeat(64),
          createdAt: "2026-01-01T00:00:00.000Z",
          verifications: [{ requirementId: null, verdict: "pass", reasons: [], createdAt: "2026-01-01T00:00:01.000Z" }],
        },
      ],
    );
    expect(gate.open).toBe(false);
  });
});
