import type { Prisma } from "@prisma/client";
import { appendUserAuditEvent } from "../audit/chain";
import { prisma, transaction } from "../prisma-client";
import { NotFound } from "../refusal";
import type { NewVerification } from "./record";
import type { OrgScope } from "../scope";

/** What re-verifying needs: the stored file, its role (a baseline is not judged) and its milestone. */
export async function findEvidenceForReverify(
  scope: OrgScope,
  evidenceId: string,
): Promise<{ id: string; kind: string; role: string | null; milestoneId: string; storageKey: string }> {
  const evidence = await prisma().evidence.findFirst({
    where: { id: evidenceId, organisationId: scope.organisationId, blobId: { not: null } },
    select: {
      id: true,
      kind: true,
      role: true,
      milestoneId: true,
      blob: { select: { storageKey: true } },
    },
  });
  if (!evidence?.blob) throw new NotFound("Evidence");
  return {
    id: evidence.id,
    kind: evidence.kind,
    role: evidence.role,
    milestoneId: evidence.milestoneId,
    storageKey: evidence.blob.storageKey,
  };
}

/** Adds new verification rows (history is kept) and bumps the milestone so pending decisions re-read. */
export async function recordReverification(
  scope: OrgScope,
  evidenceId: string,
  verifications: NewVerification[],
): Promise<void> {
  return transaction(async (tx) => {
    const evidence = await tx.evidence.findFirst({
      where: { id: evidenceId, organisationId: scope.organisationId },
      select: { id: true, milestoneId: true, milestone: { select: { engagementId: true } } },
    });
    if (!evidence) throw new NotFound("Evidence");
    await tx.verification.createMany({
      data: verifications.map((v) => ({
        ...v,
        reasons: v.reasons as Prisma.InputJsonValue,
        evidenceId: evidence.id,
        organisationId: scope.organisationId,
      })),
    });
    await tx.milestone.update({ where: { id: evidence.milestoneId }, data: { version: { increment: 1 } } });
    await appendUserAuditEvent(tx, scope, {
      action: "evidence.reverified",
      entityType: "milestone",
      entityId: evidence.milestoneId,
      engagementId: evidence.milestone.engagementId,
      data: { evidenceId: evidence.id, verdicts: verifications.map((v) => v.verdict) },
    });
  });
}
