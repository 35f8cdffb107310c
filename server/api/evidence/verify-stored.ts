import { thresholdsForRequirement } from "../../domain/evidence/requirement-thresholds";
import { VERIFIER_VERSION, verifyFile } from "../../domain/evidence/verify";
import type { NewVerification } from "../../data/evidence-write";
import type { GateRequirement } from "../../domain/gate";
import type { Readable } from "node:stream";

/** Runs the verifier of `kind` once per gate requirement it can satisfy (or once, unbound). */
export async function verifyAgainstRequirements(kind: string, open: () => Readable, requirements: { id: string; requirement: GateRequirement }[]): Promise<NewVerification[]> {
  const targets = requirements
    .map((r) => ({ id: r.id as string | null, thresholds: thresholdsForRequirement(r.requirement, kind), params: r.requirement.params as Record<string, unknown> }))
    .filter((t) => t.thresholds !== null);
  const verifications: NewVerification[] = [];
  for (const target of targets.length ? targets : [{ id: null, thresholds: [], params: {} }]) {
    const expectedSha256 = typeof target.params.expectedSha256 === "string" ? target.params.expectedSha256 : undefined;
    const expectedManifest = typeof target.params.manifest === "string" ? target.params.manifest : undefined;
    const result = await verifyFile({ kind, file: open(), thresholds: target.thresholds ?? [], expectedSha256, expectedManifest });
    verifications.push({
      requirementId: target.id,
      verifierKind: kind,
      verifierVersion: VERIFIER_VERSION,
      params: JSON.parse(JSON.stringify(target.params)),
      verdict: result.verdict,
      metrics: JSON.parse(JSON.stringify(result.metrics)),
      reasons: result.reasons,
    });
  }
  return verifications;
}
