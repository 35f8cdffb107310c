import { createHash } from "node:crypto";
import { canonicalJson } from "./audit";
import type { AttestingParty, GateRequirement } from "./gate";

// An attestation: a named party states, in the app, exactly what a gate asks them to (the
// client's approver: "access to the upgrade channel granted"). It is kept as evidence whose
// SHA-256 is that of the canonical record (statement, who, when), and satisfies the requirement
// only when the statement equals the gate's, word for word (spaces at the ends aside).

export type AttestationRequirement = Extract<GateRequirement, { kind: "attestation" }>;

export interface AttestationRecord {
  milestoneId: string;
  requirementId: string;
  party: AttestingParty;
  statement: string;
  attestedBy: { userId: string; name: string };
  attestedAt: string;
}

export function attestationSha256(record: AttestationRecord): string {
  return createHash("sha256")
    .update(canonicalJson({ ...record, attestedBy: { ...record.attestedBy } }))
    .digest("hex");
}

export type AttestationDecision =
  | { ok: true; requirementId: string; statement: string }
  | { ok: false; code: "NOT_ATTESTABLE" | "WRONG_PARTY" | "WRONG_STATEMENT"; reasons: string[] };

const normalise = (statement: string) => statement.trim();

/**
 * Which of the milestone's attestation requirements a statement by `party` meets, or why none:
 * the gate asks for none, asks another party, or the words differ (the expected ones are named).
 */
export function decideAttestation(
  requirements: readonly { id: string; requirement: AttestationRequirement }[],
  party: AttestingParty,
  statement: string,
): AttestationDecision {
  if (requirements.length === 0)
    return { ok: false, code: "NOT_ATTESTABLE", reasons: ["this milestone's gate asks for no attestation"] };
  const ours = requirements.filter((r) => r.requirement.params.party === party);
  if (ours.length === 0) {
    const who = requirements.map((r) =>
      r.requirement.params.party === "client" ? "the client's approver" : "a consultant",
    );
    return {
      ok: false,
      code: "WRONG_PARTY",
      reasons: [`this attestation is for ${[...new Set(who)].join(" or ")} to give`],
    };
  }
  const match = ours.find((r) => normalise(r.requirement.params.statement) === normalise(statement));
  if (!match)
    return {
      ok: false,
      code: "WRONG_STATEMENT",
      reasons: ours.map((r) => `the gate asks for exactly: "${r.requirement.params.statement}"`),
    };
  return { ok: true, requirementId: match.id, statement: match.requirement.params.statement };
}

/** The attestations a gate still waits for from `party` (for the page that offers them). */
export function pendingAttestations(
  checks: readonly { requirementId: string; kind: string; params: unknown; met: boolean }[],
  party: AttestingParty,
): { requirementId: string; statement: string }[] {
  return checks.flatMap((check) => {
    if (check.kind !== "attestation" || check.met) return [];
    const params = check.params as { party?: string; statement?: unknown };
    const asked = params.party ?? "client";
    return asked === party && typeof params.statement === "string"
      ? [{ requirementId: check.requirementId, statement: params.statement }]
      : [];
  });
}
