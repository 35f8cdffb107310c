import type { Prisma } from "@prisma/client";
import { EVIDENCE_KINDS, type EvidenceKind } from "../../domain/evidence/kinds";
import { ZGateRequirement, type GateRequirement } from "../../domain/gate";
import { appendAuditEvent } from "../audit/chain";
import { prisma, transaction } from "../prisma-client";
import type { NewVerification } from "./record";

// Scheduled re-checks of probe evidence (a release tag, a service's observability endpoints):
// what a probe saw can change after the fact (a tag moved, an endpoint closed), so the newest
// probe evidence of each requirement of a milestone not yet approved is probed again. The result is
// a new verification row on the same evidence, as a manual re-verification adds, by the system.

const PROBE_KINDS = (Object.keys(EVIDENCE_KINDS) as EvidenceKind[]).filter(
  (kind) => EVIDENCE_KINDS[kind].source === "probe",
);
// once approved, invoiced or paid, the decision stands on what was seen then
const OPEN_STATES = ["planned", "in_progress", "submitted", "verified", "changes_requested"] as const;

export interface ProbeRecheckDue {
  evidenceId: string;
  organisationId: string;
}

/** The newest probe evidence per milestone requirement whose last verification is older than `staleBefore`. */
export async function findProbeEvidenceDue(staleBefore: Date, limit = 500): Promise<ProbeRecheckDue[]> {
  const rows = await prisma().evidence.findMany({
    where: { kind: { in: PROBE_KINDS }, milestone: { state: { in: [...OPEN_STATES] } } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      organisationId: true,
      milestoneId: true,
      kind: true,
      verifications: { orderBy: { createdAt: "desc" }, take: 1, select: { requirementId: true, createdAt: true } },
    },
    take: limit * 4,
  });
  const seen = new Set<string>();
  const due: ProbeRecheckDue[] = [];
  for (const row of rows) {
    const latest = row.verifications[0];
    const key = `${row.milestoneId}:${latest?.requirementId ?? row.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (latest && latest.requirementId && latest.createdAt < staleBefore)
      due.push({ evidenceId: row.id, organisationId: row.organisationId });
    if (due.length >= limit) break;
  }
  return due;
}

/** The requirement a probe evidence answers, as the gate states it now; null when either is gone or closed. */
export async function findProbeRecheck(
  organisationId: string,
  evidenceId: string,
): Promise<{ requirementId: string; requirement: GateRequirement } | null> {
  const evidence = await prisma().evidence.findFirst({
    where: {
      id: evidenceId,
      organisationId,
      kind: { in: PROBE_KINDS },
      milestone: { state: { in: [...OPEN_STATES] } },
    },
    select: {
      verifications: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { requirement: { select: { id: true, kind: true, params: true } } },
      },
    },
  });
  const requirement = evidence?.verifications[0]?.requirement;
  if (!requirement) return null;
  const parsed = ZGateRequirement.safeParse({ kind: requirement.kind, params: requirement.params });
  return parsed.success ? { requirementId: requirement.id, requirement: parsed.data } : null;
}

/** Adds the re-check's verification and bumps the milestone so pending decisions re-read; a system audit event. */
export async function recordProbeRecheck(
  organisationId: string,
  evidenceId: string,
  verification: NewVerification,
): Promise<boolean> {
  return transaction(async (tx) => {
    const evidence = await tx.evidence.findFirst({
      where: { id: evidenceId, organisationId },
      select: { id: true, milestoneId: true, milestone: { select: { engagementId: true } } },
    });
    if (!evidence) return false;
    await tx.verification.create({
      data: {
        ...verification,
        reasons: verification.reasons as Prisma.InputJsonValue,
        evidenceId: evidence.id,
        organisationId,
      },
    });
    await tx.milestone.update({ where: { id: evidence.milestoneId }, data: { version: { increment: 1 } } });
    await appendAuditEvent(tx, {
      organisationId,
      actorKind: "system",
      actorId: null,
      action: "evidence.reverified",
      entityType: "milestone",
      entityId: evidence.milestoneId,
      engagementId: evidence.milestone.engagementId,
      data: { evidenceId: evidence.id, verdicts: [verification.verdict], scheduled: true },
    });
    return true;
  });
}
