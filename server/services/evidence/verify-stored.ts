import type { Readable } from "node:stream";
import { goBenchCriteria, thresholdsForRequirement } from "../../domain/evidence/requirement-thresholds";
import { VERIFIER_VERSION, verifyFile } from "../../domain/evidence/verify";
import { findEngagementBaseline } from "../../data/evidence/benchmark";
import type { NewVerification } from "../../data/evidence/record";
import type { EvidenceWriter } from "../../data/scope";
import type { GateRequirement } from "../../domain/gate";
import { blobStore } from "../storage/blob-store";

/** The engagement's go-bench baseline, opened afresh for each requirement that compares with it. */
export interface BaselineFile {
  evidenceId: string;
  sha256: string;
  open: () => Readable;
}

type Requirements = { id: string; requirement: GateRequirement }[];

/**
 * Runs the verifier of `kind` once per gate requirement it can satisfy (or once, unbound). A
 * go-bench requirement that compares with the baseline gets `baseline` (none: it fails saying so),
 * and its verification records which baseline it was compared with.
 */
export async function verifyAgainstRequirements(
  kind: string,
  open: () => Readable,
  requirements: Requirements,
  baseline?: BaselineFile | null,
): Promise<NewVerification[]> {
  const targets = requirements
    .map((r) => ({
      id: r.id as string | null,
      requirement: r.requirement as GateRequirement | null,
      thresholds: thresholdsForRequirement(r.requirement, kind),
    }))
    .filter((t) => t.thresholds !== null);
  const verifications: NewVerification[] = [];
  for (const target of targets.length ? targets : [{ id: null, requirement: null, thresholds: [] }]) {
    const params = (target.requirement?.params ?? {}) as Record<string, unknown>;
    const expectedSha256 = typeof params.expectedSha256 === "string" ? params.expectedSha256 : undefined;
    const expectedManifest = typeof params.manifest === "string" ? params.manifest : undefined;
    const goBench = target.requirement ? goBenchCriteria(target.requirement) : undefined;
    const compared = goBench?.compareToBaseline && baseline ? baseline : null;
    const result = await verifyFile({
      kind,
      file: open(),
      thresholds: target.thresholds ?? [],
      expectedSha256,
      expectedManifest,
      goBench,
      baseline: compared?.open(),
    });
    const metrics = compared
      ? { ...result.metrics, baseline: { evidenceId: compared.evidenceId, sha256: compared.sha256 } }
      : result.metrics;
    verifications.push({
      requirementId: target.id,
      verifierKind: kind,
      verifierVersion: VERIFIER_VERSION,
      params: JSON.parse(JSON.stringify(params)),
      verdict: result.verdict,
      metrics: JSON.parse(JSON.stringify(metrics)),
      reasons: result.reasons,
    });
  }
  return verifications;
}

/** The baseline a go-bench file on `milestoneId` is compared with, looked up only when a requirement asks for one. */
export async function baselineForVerifying(
  scope: EvidenceWriter,
  milestoneId: string,
  kind: string,
  requirements: Requirements,
): Promise<BaselineFile | null> {
  if (kind !== "go-bench" || !requirements.some((r) => goBenchCriteria(r.requirement)?.compareToBaseline)) return null;
  const baseline = await findEngagementBaseline(scope, milestoneId);
  if (!baseline) return null;
  return {
    evidenceId: baseline.evidenceId,
    sha256: baseline.sha256,
    open: () => blobStore().open(baseline.storageKey),
  };
}

/**
 * Verifies a stored file as re-verification does: a baseline is a yardstick, not judged by the
 * gate (no verifications); anything else against the requirements and the engagement's newest baseline.
 */
export async function verifyStoredEvidence(
  scope: EvidenceWriter,
  evidence: { kind: string; milestoneId: string; role: string | null; storageKey: string },
  requirements: Requirements,
): Promise<NewVerification[]> {
  if (evidence.role === "baseline") return [];
  const baseline = await baselineForVerifying(scope, evidence.milestoneId, evidence.kind, requirements);
  return verifyAgainstRequirements(evidence.kind, () => blobStore().open(evidence.storageKey), requirements, baseline);
}
