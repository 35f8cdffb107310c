import type { Prisma } from "@prisma/client";
import type { GateEvaluation } from "../domain/gate-evaluation";
import type { MilestoneFacts } from "../domain/milestone-machine";
import { prisma } from "./client";
import { decisionInputs, milestoneDecisionSelect } from "./milestone-gate";
import type { OrgScope } from "./scope";

export interface MilestoneGateView {
  milestoneId: string;
  version: number;
  facts: MilestoneFacts;
  gate: GateEvaluation;
  requirements: { id: string; kind: string; params: Prisma.JsonValue }[];
  evidenceHashes: string[];
  approved: boolean;
}

/** Every milestone's gate as it stands, for one engagement of the scope's organisation. */
export async function listMilestoneGates(scope: OrgScope, engagementId: string): Promise<MilestoneGateView[]> {
  const rows = await prisma().milestone.findMany({
    where: { organisationId: scope.organisationId, engagementId },
    select: milestoneDecisionSelect,
    orderBy: { position: "asc" },
  });
  return rows.map((row) => {
    const inputs = decisionInputs(row);
    return {
      milestoneId: row.id,
      version: row.version,
      facts: inputs.facts,
      gate: inputs.gate,
      requirements: row.requirements,
      evidenceHashes: inputs.evidenceHashes,
      approved: inputs.approvalHashes !== null,
    };
  });
}
