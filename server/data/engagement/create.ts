import type { Prisma } from "@prisma/client";
import { ZGateRequirement, type GateRequirement } from "../../domain/gate";
import type { MilestoneKind } from "../../domain/milestone";
import { splitByShares } from "../../domain/money";
import { appendAuditEvent } from "../audit/chain";
import { transaction, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import type { OrgScope } from "../scope";

export interface NewMilestone {
  key: string;
  title: string;
  kind: MilestoneKind;
  shareBp: number;
  requirements: GateRequirement[];
}

export interface NewEngagement {
  clientId: string;
  title: string;
  currency: string;
  feeMinor: number;
  taxRateBp: number;
  startDate: string;
  paymentTermsDays?: number;
  internalNotes?: string;
  milestones: NewMilestone[];
}

/** Creates an engagement with its milestones, amounts split exactly from the fee. */
export async function createEngagement(scope: OrgScope, input: NewEngagement): Promise<{ id: string }> {
  return transaction((tx) => createEngagementIn(tx, scope.organisationId, scope, input));
}

/**
 * The same inside the caller's transaction (an accepted proposal creates its engagement with the
 * rest of the acceptance); `actor` is who the audit event names.
 */
export async function createEngagementIn(
  tx: Tx,
  organisationId: string,
  actor: { userId: string },
  input: NewEngagement,
): Promise<{ id: string }> {
  const amounts = splitByShares(
    input.feeMinor,
    input.milestones.map((m) => m.shareBp),
  );
  // gate parameters are stored as JSON: only validated shapes may reach the column
  const milestones = input.milestones.map((m) => ({
    ...m,
    requirements: m.requirements.map((r) => ZGateRequirement.parse(r)),
  }));
  const client = await tx.client.findFirst({
    where: { id: input.clientId, organisationId },
    select: { id: true },
  });
  if (!client) throw new NotFound("Client");
  const engagement = await tx.engagement.create({
    data: {
      organisationId,
      clientId: client.id,
      title: input.title,
      currency: input.currency,
      feeMinor: BigInt(input.feeMinor),
      taxRateBp: input.taxRateBp,
      startDate: new Date(`${input.startDate}T00:00:00Z`),
      paymentTermsDays: input.paymentTermsDays ?? 30,
      internalNotes: input.internalNotes ?? "",
      milestones: {
        create: milestones.map((milestone, position) => ({
          organisationId,
          key: milestone.key,
          title: milestone.title,
          kind: milestone.kind,
          position,
          shareBp: milestone.shareBp,
          amountMinor: BigInt(amounts[position] ?? 0),
          requirements: {
            create: milestone.requirements.map((requirement, index) => ({
              organisationId,
              kind: requirement.kind,
              params: requirement.params as Prisma.InputJsonValue,
              position: index,
            })),
          },
        })),
      },
    },
    select: { id: true },
  });
  await appendAuditEvent(tx, {
    organisationId,
    actorKind: "user",
    actorId: actor.userId,
    action: "engagement.created",
    entityType: "engagement",
    entityId: engagement.id,
    engagementId: engagement.id,
    data: {
      title: input.title,
      currency: input.currency,
      feeMinor: input.feeMinor,
      milestones: input.milestones.map((m, i) => ({ key: m.key, shareBp: m.shareBp, amountMinor: amounts[i] ?? 0 })),
    },
  });
  return engagement;
}
