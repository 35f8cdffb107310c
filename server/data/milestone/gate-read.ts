import type { Prisma } from "@prisma/client";
import type { GateEvaluation } from "../../domain/gate-evaluation";
import type { MilestoneFacts } from "../../domain/milestone-machine";
import { prisma } from "../prisma-client";
import { decisionInputs, milestoneDecisionSelect, type MilestoneDecisionRow } from "./decision-inputs";
import type { OrgScope } from "../scope";

export interface MilestoneGateView {
  milestoneId: string;
  version: number;
  facts: MilestoneFacts;
  gate: GateEvaluation;
  requirements: { id: string; kind: string; params: Prisma.JsonValue }[];
  evidenceHashes: string[];
  approved: boolean;
  evidence: EvidenceView[];
}

export interface EvidenceView {
  id: string;
  kind: string;
  /** "baseline" for a go-bench run others are compared with */
  role: string | null;
  sha256: string;
  filename: string | null;
  /** what reference evidence points at (a tag and its commit, an attestation's record) */
  reference: Prisma.JsonValue;
  downloadable: boolean;
  createdAt: string;
  verifications: {
    requirementId: string | null;
    verdict: "pass" | "fail" | "error";
    metrics: Prisma.JsonValue;
    reasons: string[];
    createdAt: string;
  }[];
}

/** Every milestone's gate as it stands, for one engagement of the scope's organisation. */
export async function listMilestoneGates(scope: OrgScope, engagementId: string): Promise<MilestoneGateView[]> {
  const rows = await prisma().milestone.findMany({
    where: { organisationId: scope.organisationId, engagementId },
    select: milestoneDecisionSelect,
    orderBy: { position: "asc" },
  });
  return rows.map(gateView);
}

/** One milestone's gate, evidence (newest first) and standing approval, from its decision row. */
export function gateView(row: MilestoneDecisionRow): MilestoneGateView {
  const inputs = decisionInputs(row);
  return {
    milestoneId: row.id,
    version: row.version,
    facts: inputs.facts,
    gate: inputs.gate,
    requirements: row.requirements,
    evidenceHashes: inputs.evidenceHashes,
    approved: inputs.approvalHashes !== null,
    evidence: [...row.evidence].reverse().map((item) => ({
      id: item.id,
      kind: item.kind,
      role: item.role,
      sha256: item.sha256,
      filename: item.filename,
      reference: item.reference,
      downloadable: item.blobId !== null,
      createdAt: item.createdAt.toISOString(),
      verifications: item.verifications.map((v) => ({
        requirementId: v.requirementId,
        verdict: v.verdict,
        metrics: v.metrics,
        reasons: Array.isArray(v.reasons) ? v.reasons.filter((r): r is string => typeof r === "string") : [],
        createdAt: v.createdAt.toISOString(),
      })),
    })),
  };
}

export async function milestoneVersion(scope: OrgScope, milestoneId: string): Promise<number> {
  const row = await prisma().milestone.findFirstOrThrow({
    where: { id: milestoneId, organisationId: scope.organisationId },
    select: { version: true },
  });
  return row.version;
}
