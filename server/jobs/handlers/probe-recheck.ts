import { z } from "zod";
import { findProbeEvidenceDue, findProbeRecheck, recordProbeRecheck } from "../../data/evidence/probe-recheck";
import { VERIFIER_VERSION } from "../../domain/evidence/verify";
import type { GateRequirement } from "../../domain/gate";
import type { VerifierResult } from "../../domain/evidence/verdict";
import { checkGitTag } from "../../services/probes/git-tag";
import { probeObservability } from "../../services/probes/http-probe";
import { defineJob } from "../definition";

// Daily re-check of probe evidence (release tags, observability endpoints) of milestones not yet
// approved: what a probe saw can change after the fact. Evidence checked within the last 20 hours
// is left alone, so a manual re-check or a second sweep the same day adds nothing.

const STALE_AFTER_MS = 20 * 60 * 60 * 1000;

export const evidenceProbeSweep = defineJob({
  data: z.object({}),
  queue: { policy: "short", retryLimit: 1, expireInSeconds: 600 },
  schedule: "17 3 * * *",
  async handle(_data, job) {
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    for (const due of await findProbeEvidenceDue(new Date(now.getTime() - STALE_AFTER_MS))) {
      await job.enqueue("evidence-probe-recheck", due, `${due.evidenceId}:${day}`);
    }
  },
});

async function probe(requirement: GateRequirement): Promise<VerifierResult | null> {
  if (requirement.kind === "git-tag") {
    const { repositoryUrl, tag, expectedCommit } = requirement.params;
    if (!repositoryUrl)
      return {
        kind: "git-tag",
        verdict: "fail",
        metrics: { tag, commit: null },
        reasons: ["the gate names no repository URL; edit the plan to add it"],
      };
    return checkGitTag({ repositoryUrl, tag, expectedCommit });
  }
  if (requirement.kind === "http-probe") return probeObservability(requirement.params.baseUrl);
  return null;
}

export const evidenceProbeRecheck = defineJob({
  data: z.object({ organisationId: z.string(), evidenceId: z.string() }),
  queue: { retryLimit: 2, retryDelay: 300, retryBackoff: true, expireInSeconds: 300 },
  async handle(data) {
    const target = await findProbeRecheck(data.organisationId, data.evidenceId);
    if (!target) return;
    const result = await probe(target.requirement);
    if (!result) return;
    await recordProbeRecheck(data.organisationId, data.evidenceId, {
      requirementId: target.requirementId,
      verifierKind: target.requirement.kind,
      verifierVersion: VERIFIER_VERSION,
      params: JSON.parse(JSON.stringify(target.requirement.params)),
      verdict: result.verdict,
      metrics: JSON.parse(JSON.stringify({ ...result.metrics, checkedAt: new Date().toISOString() })),
      reasons: result.reasons,
    });
  },
});
