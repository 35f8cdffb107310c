import type { Prisma } from "@prisma/client";
import { evaluateGate, evidenceHashSet, type EvidenceRecord, type GateEvaluation } from "../../domain/gate-evaluation";
import type { MilestoneFacts } from "../../domain/milestone-machine";
import { toMinor } from "../prisma-client";

// What the state machine needs to decide about a milestone, read in one query: its facts, its
// gate requirements and evidence with verifications, and the standing approval.

export const milestoneDecisionSelect = {
  id: true,
  engagementId: true,
  state: true,
  kind: true,
  version: true,
  amountMinor: true,
  invoicedAmountMinor: true,
  requirements: { select: { id: true, kind: true, params: true }, orderBy: { position: "asc" } },
  evidence: {
    select: {
      id: true,
      kind: true,
      role: true,
      sha256: true,
      filename: true,
      blobId: true,
      reference: true,
      createdAt: true,
      verifications: {
        select: {
          requirementId: true,
          verifierKind: true,
          verdict: true,
          reasons: true,
          metrics: true,
          createdAt: true,
        },
      },
    },
    orderBy: { createdAt: "asc" },
  },
  approvals: {
    where: { voidedAt: null, type: { in: ["approved", "deemed"] } },
    select: { id: true, evidenceHashes: true },
    orderBy: { createdAt: "desc" },
    take: 1,
  },
} satisfies Prisma.MilestoneSelect;

export type MilestoneDecisionRow = Prisma.MilestoneGetPayload<{ select: typeof milestoneDecisionSelect }>;

export interface MilestoneDecisionInputs {
  facts: MilestoneFacts;
  gate: GateEvaluation;
  evidenceHashes: string[];
  approvalHashes: string[] | null;
}

function toReasons(value: Prisma.JsonValue): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export function decisionInputs(row: MilestoneDecisionRow): MilestoneDecisionInputs {
  const evidence: EvidenceRecord[] = row.evidence.map((item) => ({
    id: item.id,
    kind: item.kind,
    role: item.role,
    sha256: item.sha256,
    createdAt: item.createdAt.toISOString(),
    verifications: item.verifications.map((v) => ({
      requirementId: v.requirementId,
      verdict: v.verdict,
      reasons: toReasons(v.reasons),
      createdAt: v.createdAt.toISOString(),
    })),
  }));
  return {
    facts: {
      state: row.state,
      kind: row.kind,
      invoicedAmountMinor: row.invoicedAmountMinor === null ? null : toMinor(row.invoicedAmountMinor),
    },
    gate: evaluateGate(row.requirements, evidence),
    evidenceHashes: evidenceHashSet(evidence),
    approvalHashes: row.approvals[0]?.evidenceHashes ?? null,
  };
}
