import { createHash } from "node:crypto";
import { canonicalJson } from "../../domain/audit";
import { VERIFIER_VERSION } from "../../domain/evidence/verify";
import { recordEvidence } from "../../data/evidence-write";
import { findMilestoneRequirements } from "../../data/milestone-requirements";
import type { OrgScope } from "../../data/scope";
import { checkGitTag } from "../../probes/git-tag";

export interface GitTagOutcome {
  requirementId: string;
  verdict: "pass" | "fail";
  reasons: string[];
  commit: string | null;
}

/** Checks every git-tag requirement of a milestone now and attaches each result as evidence. */
export async function checkMilestoneGitTags(scope: OrgScope, milestoneId: string): Promise<GitTagOutcome[] | null> {
  const requirements = await findMilestoneRequirements(scope, milestoneId);
  if (!requirements) return null;
  const outcomes: GitTagOutcome[] = [];
  for (const { id, requirement } of requirements) {
    if (requirement.kind !== "git-tag") continue;
    const params = requirement.params;
    const result = params.repositoryUrl
      ? await checkGitTag({ repositoryUrl: params.repositoryUrl, tag: params.tag, expectedCommit: params.expectedCommit })
      : { kind: "git-tag", verdict: "fail" as const, metrics: { tag: params.tag, commit: null }, reasons: ["the gate names no repository URL; edit the plan to add it"] };
    const commit = typeof result.metrics.commit === "string" ? result.metrics.commit : null;
    const reference = { repositoryUrl: params.repositoryUrl ?? null, tag: params.tag, commit };
    await recordEvidence(scope, {
      milestoneId,
      kind: "git-tag",
      // the digest identifies what was seen: repository, tag and the commit it pointed to
      sha256: createHash("sha256").update(canonicalJson(reference)).digest("hex"),
      reference,
      source: "manual",
      verifications: [
        { requirementId: id, verifierKind: "git-tag", verifierVersion: VERIFIER_VERSION, params: JSON.parse(JSON.stringify(params)), verdict: result.verdict, metrics: reference, reasons: result.reasons },
      ],
    });
    outcomes.push({ requirementId: id, verdict: result.verdict, reasons: result.reasons, commit });
  }
  return outcomes;
}
