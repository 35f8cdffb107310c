// What an evidence item is for besides satisfying its milestone's gate. A baseline is a benchmark
// run the engagement's other go-bench evidence is compared with; it is never itself the current
// evidence of a gate. The database allows the same pairs (migration gates_that_hold).

export const EVIDENCE_ROLES = ["baseline"] as const;
export type EvidenceRole = (typeof EVIDENCE_ROLES)[number];

const KINDS_FOR_ROLE: Record<EvidenceRole, readonly string[]> = { baseline: ["go-bench"] };

export type RoleCheck = { ok: true; role: EvidenceRole | null } | { ok: false; reason: string };

/** An upload's `role` field (absent or empty: none) checked against the evidence kind. */
export function checkEvidenceRole(role: string | undefined, kind: string): RoleCheck {
  if (role === undefined || role.trim() === "") return { ok: true, role: null };
  const known = EVIDENCE_ROLES.find((r) => r === role.trim());
  if (!known)
    return { ok: false, reason: `role must be ${EVIDENCE_ROLES.map((r) => `"${r}"`).join(" or ")} (or absent)` };
  const kinds = KINDS_FOR_ROLE[known];
  if (!kinds.includes(kind))
    return {
      ok: false,
      reason: `role "${known}" is only for ${kinds.join(", ")} evidence, not ${kind || "an unnamed kind"}`,
    };
  return { ok: true, role: known };
}
