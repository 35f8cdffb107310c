import type { Prisma } from "@prisma/client";
import {
  attestationSha256,
  decideAttestation,
  type AttestationRecord,
  type AttestationRequirement,
} from "../../domain/attestation";
import type { AttestingParty } from "../../domain/gate";
import { insertEvidence } from "./record";
import { idempotencyActor, runOnce } from "../idempotency";
import { findMilestoneRequirements } from "../milestone/requirements";
import { DataRefusal } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";
import { prisma } from "../prisma-client";

// Recording an attestation: the party the gate names states the gate's words. Kept as evidence
// (the canonical record, its SHA-256, a passing verification bound to the requirement), audited
// with every other evidence, idempotent by the attester's key.

export type AttestationRefusalCode = "NOT_FOUND" | "NOT_ATTESTABLE" | "WRONG_PARTY" | "WRONG_STATEMENT" | "FORBIDDEN";

export class AttestationRefusal extends DataRefusal<AttestationRefusalCode> {
  override name = "AttestationRefusal";
}

export interface AttestationView extends AttestationRecord {
  evidenceId: string;
  sha256: string;
}

const isAttestation = (entry: {
  id: string;
  requirement: { kind: string };
}): entry is { id: string; requirement: AttestationRequirement } => entry.requirement.kind === "attestation";

/** A refused attestation is kept under its idempotency key like a success (idempotency.ts). */
export async function attestMilestone(
  scope: OrgScope | ClientScope,
  milestoneId: string,
  statement: string,
  idempotencyKey?: string,
  now = new Date(),
): Promise<AttestationView> {
  const client = "clientId" in scope;
  const party: AttestingParty = client ? "client" : "consultant";
  const requirements = await findMilestoneRequirements(scope, milestoneId);
  const actor = await prisma().user.findUniqueOrThrow({ where: { id: scope.userId }, select: { name: true } });
  return runOnce(
    idempotencyActor(scope),
    idempotencyKey,
    "milestone.attest",
    { milestoneId, statement: statement.trim() },
    {
      run: async (tx) => {
        if (client && scope.role !== "approver")
          throw new AttestationRefusal("FORBIDDEN", ["only the client's approver attests; viewers read"]);
        const decision = decideAttestation(requirements.filter(isAttestation), party, statement);
        if (!decision.ok) throw new AttestationRefusal(decision.code, decision.reasons);
        const record: AttestationRecord = {
          milestoneId,
          requirementId: decision.requirementId,
          party,
          statement: decision.statement,
          attestedBy: { userId: scope.userId, name: actor.name },
          attestedAt: now.toISOString(),
        };
        const sha256 = attestationSha256(record);
        const stored = await insertEvidence(tx, scope, {
          milestoneId,
          kind: "attestation",
          sha256,
          reference: record as unknown as Prisma.InputJsonValue,
          source: "attestation",
          verifications: [
            {
              requirementId: decision.requirementId,
              verifierKind: "attestation",
              verifierVersion: "1",
              params: { party, statement: decision.statement },
              verdict: "pass",
              metrics: { party, attestedBy: actor.name },
              reasons: [],
            },
          ],
        });
        return { ...record, evidenceId: stored.evidenceId, sha256 };
      },
      store: (view) => ({ ...view, attestedBy: { ...view.attestedBy } }),
      replay: async (stored) => stored as unknown as AttestationView,
    },
  );
}
