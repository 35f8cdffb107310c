import { ZGateRequirement, type GateRequirement } from "../../domain/gate";
import { prisma } from "../prisma-client";
import { NotFound } from "../refusal";
import type { EvidenceWriter } from "../scope";

/**
 * A milestone's gate requirements (validated). A milestone the scope may not see (a client user: another
 * client's) is NotFound.
 */
export async function findMilestoneRequirements(
  scope: EvidenceWriter,
  milestoneId: string,
): Promise<{ id: string; requirement: GateRequirement }[]> {
  const milestone = await prisma().milestone.findFirst({
    where: {
      id: milestoneId,
      organisationId: scope.organisationId,
      ...("tokenId" in scope ? { engagementId: scope.engagementId } : {}),
      ...("clientId" in scope ? { engagement: { clientId: scope.clientId, status: { not: "draft" } } } : {}),
    },
    select: { requirements: { select: { id: true, kind: true, params: true }, orderBy: { position: "asc" } } },
  });
  if (!milestone) throw new NotFound("Milestone");
  return milestone.requirements.flatMap((row) => {
    const parsed = ZGateRequirement.safeParse({ kind: row.kind, params: row.params });
    return parsed.success ? [{ id: row.id, requirement: parsed.data }] : [];
  });
}
