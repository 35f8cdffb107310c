import { createHash } from "node:crypto";
import { canonicalJson } from "../../domain/audit";
import { VERIFIER_VERSION } from "../../domain/evidence/verify";
import { recordEvidence } from "../../data/evidence/record";
import { findMilestoneRequirements } from "../../data/milestone/requirements";
import type { OrgScope } from "../../data/scope";
import { checkGitTag } from "./git-tag";
import { probeObservability } from "./http-probe";
import type { VerifierResult } from "../../domain/evidence/verdict";
import type { GateRequirement } from "../../domain/gate";

export interface ProbeOutcome {
  requirementId: string;
  kind: string;
  verdict: "pass" | "fail";
  reasons: string[];
}

/** Runs a reference probe (nothing uploaded: the verifier looks at the thing itself). */
async function runProbe(
  requirement: GateRequirement,
): Promise<{ result: VerifierResult; reference: Record<string, string | null> } | null> {
  if (requirement.kind === "git-tag") {
    const params = requirement.params;
    const result = params.repositoryUrl
      ? await checkGitTag({
          repositoryUrl: params.repositoryUrl,
          tag: params.tag,
          expectedCommit: params.expectedCommit,
        })
      : {
          kind: "git-tag",
          verdict: "fail" as const,
          metrics: { tag: params.tag, commit: null },
          reasons: ["the gate names no repository URL; edit the plan to add it"],
        };
    const commit = typeof result.metrics.commit === "string" ? result.metrics.commit : null;
    return { result, reference: { repositoryUrl: params.repositoryUrl ?? null, tag: params.tag, commit } };
  }
  if (requirement.kind === "http-probe") {
    const result = await probeObservability(requirement.params.baseUrl);
    return { result, reference: { baseUrl: requirement.params.baseUrl, checkedAt: new Date().toISOString() } };
  }
  return null;
}

/** Runs every git-tag and http-probe requirement of a milestone now; each result becomes evidence. */
export async function runMilestoneProbes(scope: OrgScope, milestoneId: string): Promise<ProbeOutcome[]> {
  const requirements = await findMilestoneRequirements(scope, milestoneId);
  const outcomes: ProbeOutcome[] = [];
  for (const { id, requirement } of requirements) {
    const probed = await runProbe(requirement);
    if (!probed) continue;
    const { result, reference } = probed;
    const params = requirement.params;
    await recordEvidence(scope, {
      milestoneId,
      kind: requirement.kind,
      // the digest identifies what was seen: repository, tag and the commit it pointed to
      sha256: createHash("sha256").update(canonicalJson(reference)).digest("hex"),
      reference,
      source: "manual",
      verifications: [
        {
          requirementId: id,
          verifierKind: requirement.kind,
          verifierVersion: VERIFIER_VERSION,
          params: JSON.parse(JSON.stringify(params)),
          verdict: result.verdict,
          metrics: JSON.parse(JSON.stringify({ ...reference, ...result.metrics })),
          reasons: result.reasons,
        },
      ],
    });
    outcomes.push({ requirementId: id, kind: requirement.kind, verdict: result.verdict, reasons: result.reasons });
  }
  return outcomes;
}
