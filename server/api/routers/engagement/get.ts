import { availableActions } from "../../../domain/milestone-machine";
import { applyDueDeemedAcceptances } from "../../../data/deemed-acceptance";
import { findOrgEngagement } from "../../../data/engagement-read";
import { noticeDelivery } from "../../origin";
import { listMilestoneGates } from "../../../data/milestone-gate-read";
import { notFound, orgProcedure } from "../../trpc";
import { ZEngagementDetailOut, ZGetByIdInput } from "./engagement.schema";

export const getEngagement = orgProcedure
  .input(ZGetByIdInput)
  .output(ZEngagementDetailOut)
  .query(async ({ ctx, input }) => {
    let engagement = await findOrgEngagement(ctx.scope, input.id);
    if (!engagement) throw notFound("Engagement");
    // what the clock decided (deemed acceptances) is applied before the engagement is shown
    if (await applyDueDeemedAcceptances({ engagementId: engagement.id, notices: noticeDelivery(ctx) })) engagement = (await findOrgEngagement(ctx.scope, input.id))!;
    const gates = new Map((await listMilestoneGates(ctx.scope, engagement.id)).map((g) => [g.milestoneId, g]));
    return {
      ...engagement,
      milestones: engagement.milestones.map((milestone) => {
        const gate = gates.get(milestone.id);
        if (!gate) throw new Error(`gate of milestone ${milestone.id} missing`);
        const params = new Map(gate.requirements.map((r) => [r.id, r.params]));
        return {
          ...milestone,
          version: gate.version,
          invoicedAmountMinor: gate.facts.invoicedAmountMinor,
          approved: gate.approved,
          evidenceCount: gate.evidenceHashes.length,
          evidence: gate.evidence,
          gate: { open: gate.gate.open, checks: gate.gate.checks.map((check) => ({ ...check, params: params.get(check.requirementId) ?? {} })) },
          actions: availableActions(gate.facts, ctx.scope.role),
        };
      }),
    };
  });
