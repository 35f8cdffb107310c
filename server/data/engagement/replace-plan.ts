import type { Prisma } from "@prisma/client";
import type { EngagementPlan } from "../../domain/engagement-plan";
import { ZGateRequirement } from "../../domain/gate";
import { splitByShares } from "../../domain/money";
import { appendAuditEvent } from "../audit/chain";
import { toMinor, transaction } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import type { OrgScope } from "../scope";

/**
 * Rewrites an engagement's plan (terms, milestones, shares, gates) while no work has started:
 * every milestone still planned and no evidence attached. Milestones are matched by key, so
 * their ids survive; gate requirements are replaced.
 */
export async function replaceEngagementPlan(
  scope: OrgScope,
  engagementId: string,
  plan: EngagementPlan,
): Promise<void> {
  const amounts = splitByShares(
    plan.feeMinor,
    plan.milestones.map((m) => m.shareBp),
  );
  const milestones = plan.milestones.map((m) => ({
    ...m,
    requirements: m.requirements.map((r) => ZGateRequirement.parse(r)),
  }));
  return transaction(async (tx) => {
    const organisationId = scope.organisationId;
    const engagement = await tx.engagement.findFirst({
      where: { id: engagementId, organisationId },
      select: {
        id: true,
        title: true,
        feeMinor: true,
        currency: true,
        milestones: {
          select: {
            id: true,
            key: true,
            title: true,
            state: true,
            shareBp: true,
            _count: { select: { evidence: true } },
          },
        },
      },
    });
    if (!engagement) throw new NotFound("Engagement");
    const client = await tx.client.findFirst({ where: { id: plan.clientId, organisationId }, select: { id: true } });
    // another tenant's client is answered as the engagement is: nothing is said of what exists
    if (!client) throw new NotFound("Engagement");
    const started = engagement.milestones.filter((m) => m.state !== "planned" || m._count.evidence > 0);
    if (started.length > 0) {
      throw new DataRefusal(
        "PLAN_LOCKED",
        started.map((m) => `work has started on ${m.title} (${m.state}); use a change order instead`),
      );
    }

    await tx.engagement.update({
      where: { id: engagement.id },
      data: {
        clientId: client.id,
        title: plan.title,
        currency: plan.currency,
        feeMinor: BigInt(plan.feeMinor),
        taxRateBp: plan.taxRateBp,
        startDate: new Date(`${plan.startDate}T00:00:00Z`),
        paymentTermsDays: plan.paymentTermsDays,
      },
    });
    const keep = new Set(milestones.map((m) => m.key));
    await tx.milestone.deleteMany({ where: { engagementId: engagement.id, key: { notIn: [...keep] } } });
    for (const [position, milestone] of milestones.entries()) {
      const fields = {
        title: milestone.title,
        kind: milestone.kind,
        position,
        shareBp: milestone.shareBp,
        amountMinor: BigInt(amounts[position] ?? 0),
      };
      const saved = await tx.milestone.upsert({
        where: { engagementId_key: { engagementId: engagement.id, key: milestone.key } },
        create: { ...fields, organisationId, engagementId: engagement.id, key: milestone.key },
        update: { ...fields, version: { increment: 1 } },
        select: { id: true },
      });
      await tx.gateRequirement.deleteMany({ where: { milestoneId: saved.id } });
      await tx.gateRequirement.createMany({
        data: milestone.requirements.map((r, index) => ({
          organisationId,
          milestoneId: saved.id,
          kind: r.kind,
          params: r.params as Prisma.InputJsonValue,
          position: index,
        })),
      });
    }
    await appendAuditEvent(tx, {
      organisationId,
      actorKind: "user",
      actorId: scope.userId,
      action: "engagement.plan_changed",
      entityType: "engagement",
      entityId: engagement.id,
      engagementId: engagement.id,
      before: {
        title: engagement.title,
        currency: engagement.currency,
        feeMinor: toMinor(engagement.feeMinor),
        milestones: engagement.milestones.map((m) => ({ key: m.key, shareBp: m.shareBp })),
      },
      after: {
        title: plan.title,
        currency: plan.currency,
        feeMinor: plan.feeMinor,
        milestones: milestones.map((m, i) => ({ key: m.key, shareBp: m.shareBp, amountMinor: amounts[i] ?? 0 })),
      },
    });
  });
}
