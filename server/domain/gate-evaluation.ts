import { evidenceKindsFor } from "./evidence/kinds";

// Evaluates a milestone's gate against the evidence attached to it: each requirement is met when
// the newest evidence of a matching kind has a passing verification. The reasons are data, shown
// to consultants and clients as they are ("coverage 82.1% < 85%", "tag v1.0.0 not found").

export interface RequirementRecord {
  id: string;
  kind: string;
}

export interface VerificationRecord {
  requirementId: string | null;
  verdict: "pass" | "fail" | "error";
  reasons: string[];
  createdAt: string;
}

export interface EvidenceRecord {
  id: string;
  kind: string;
  /** "baseline": a benchmark run other evidence is compared with, never itself the gate's evidence */
  role?: string | null;
  sha256: string;
  createdAt: string;
  verifications: VerificationRecord[];
}

export interface RequirementCheck {
  requirementId: string;
  kind: string;
  met: boolean;
  /** why it is unmet; empty when met */
  reasons: string[];
  evidenceId: string | null;
}

export interface GateEvaluation {
  open: boolean;
  checks: RequirementCheck[];
}

const newestFirst = <T extends { createdAt: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

export function evaluateGate(
  requirements: readonly RequirementRecord[],
  evidence: readonly EvidenceRecord[],
): GateEvaluation {
  const checks = requirements.map((requirement): RequirementCheck => {
    const kinds: readonly string[] = evidenceKindsFor(requirement.kind);
    const newest = newestFirst(evidence.filter((item) => kinds.includes(item.kind) && item.role !== "baseline"))[0];
    if (!newest)
      return {
        requirementId: requirement.id,
        kind: requirement.kind,
        met: false,
        reasons: [`no ${requirement.kind} evidence attached`],
        evidenceId: null,
      };
    const verification =
      newestFirst(newest.verifications.filter((v) => v.requirementId === requirement.id))[0] ??
      newestFirst(newest.verifications.filter((v) => v.requirementId === null))[0];
    const short = newest.sha256.slice(0, 12);
    if (!verification) {
      return {
        requirementId: requirement.id,
        kind: requirement.kind,
        met: false,
        reasons: [`${requirement.kind} evidence ${short} is not verified yet`],
        evidenceId: newest.id,
      };
    }
    if (verification.verdict === "pass")
      return { requirementId: requirement.id, kind: requirement.kind, met: true, reasons: [], evidenceId: newest.id };
    const reasons =
      verification.reasons.length > 0
        ? verification.reasons
        : [`${requirement.kind} evidence ${short} did not pass verification`];
    return { requirementId: requirement.id, kind: requirement.kind, met: false, reasons, evidenceId: newest.id };
  });
  return { open: checks.every((check) => check.met), checks };
}

/** The SHA-256 set that identifies what a reviewer saw: sorted, without duplicates. */
export function evidenceHashSet(evidence: readonly { sha256: string }[]): string[] {
  return [...new Set(evidence.map((item) => item.sha256))].sort();
}

export function sameHashSet(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((hash, index) => hash === right[index]);
}
