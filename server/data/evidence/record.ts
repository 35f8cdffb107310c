import { type Prisma } from "@prisma/client";
import type { EvidenceRole } from "../../domain/evidence/evidence-role";
import { stateAfterNewEvidence } from "../../domain/milestone-machine";
import { appendAuditEvent } from "../audit/chain";
import { transaction, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import type { EvidenceWriter } from "../scope";

export interface NewVerification {
  requirementId?: string | null;
  verifierKind: string;
  verifierVersion: string;
  params: Prisma.InputJsonValue;
  verdict: "pass" | "fail" | "error";
  metrics: Prisma.InputJsonValue;
  reasons: string[];
}

export interface NewBlob {
  sizeBytes: number;
  mediaType: string;
  storageKey: string;
}

export interface NewEvidence {
  milestoneId: string;
  /** the stored artifact, when the evidence is a file */
  blob?: NewBlob;
  kind: string;
  sha256: string;
  filename?: string;
  reference?: Prisma.InputJsonValue;
  source: "upload" | "api" | "cli" | "manual" | "attestation";
  /**
   * "baseline": a go-bench run the engagement's other go-bench evidence is compared with (never its milestone's
   * current evidence)
   */
  role?: EvidenceRole | null;
  verifications: NewVerification[];
}

/**
 * Attaches evidence (with its verifier results) to a milestone of the scope's organisation.
 * New evidence invalidates earlier decisions: a submitted, verified or approved milestone returns
 * to submitted and a standing approval is voided, in the same transaction.
 */
export async function recordEvidence(
  scope: EvidenceWriter,
  input: NewEvidence,
): Promise<{ evidenceId: string; state: string }> {
  return transaction((tx) => insertEvidence(tx, scope, input));
}

/** The same inside the caller's transaction (an attestation kept with its idempotency record). */
export async function insertEvidence(
  tx: Tx,
  scope: EvidenceWriter,
  input: NewEvidence,
): Promise<{ evidenceId: string; state: string }> {
  const milestone = await tx.milestone.findFirst({
    where: {
      id: input.milestoneId,
      organisationId: scope.organisationId,
      ...("tokenId" in scope ? { engagementId: scope.engagementId } : {}),
      // a client's user (attesting) reaches only their own client's engagements
      ...("clientId" in scope ? { engagement: { clientId: scope.clientId, status: { not: "draft" } } } : {}),
    },
    select: { id: true, engagementId: true, state: true, version: true },
  });
  if (!milestone) throw new NotFound("Milestone");
  const blob = input.blob
    ? await tx.blob.upsert({
        where: { organisationId_sha256: { organisationId: scope.organisationId, sha256: input.sha256 } },
        create: {
          organisationId: scope.organisationId,
          sha256: input.sha256,
          sizeBytes: BigInt(input.blob.sizeBytes),
          mediaType: input.blob.mediaType,
          storageKey: input.blob.storageKey,
        },
        update: {},
        select: { id: true },
      })
    : null;
  const evidence = await tx.evidence.create({
    data: {
      organisationId: scope.organisationId,
      milestoneId: milestone.id,
      blobId: blob?.id,
      kind: input.kind,
      sha256: input.sha256,
      filename: input.filename,
      reference: input.reference,
      source: input.source,
      role: input.role ?? null,
      createdById: "userId" in scope ? scope.userId : null,
      apiTokenId: "tokenId" in scope ? scope.tokenId : null,
      verifications: {
        create: input.verifications.map((v) => ({ ...v, reasons: v.reasons, organisationId: scope.organisationId })),
      },
    },
    select: { id: true },
  });
  const next = stateAfterNewEvidence(milestone.state);
  // any new evidence changes what a pending decision was based on: bump the version
  await tx.milestone.update({ where: { id: milestone.id }, data: { state: next.state, version: { increment: 1 } } });
  if (next.voidsApproval) {
    await tx.approval.updateMany({
      where: { milestoneId: milestone.id, voidedAt: null, type: { in: ["approved", "deemed"] } },
      data: { voidedAt: new Date(), voidReason: { kind: "evidence_changed" } },
    });
  }
  await appendAuditEvent(tx, {
    organisationId: scope.organisationId,
    actorKind: "tokenId" in scope ? "api_token" : "user",
    actorId: "tokenId" in scope ? scope.tokenId : scope.userId,
    action: "evidence.attached",
    entityType: "milestone",
    entityId: milestone.id,
    engagementId: milestone.engagementId,
    before: { state: milestone.state },
    after: { state: next.state },
    data: {
      evidenceId: evidence.id,
      kind: input.kind,
      sha256: input.sha256,
      ...(input.role ? { role: input.role } : {}),
      verdicts: input.verifications.map((v) => v.verdict),
      ...(next.voidsApproval ? { approvalVoided: true } : {}),
    },
  });
  return { evidenceId: evidence.id, state: next.state };
}
