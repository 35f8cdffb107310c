import { availableActions } from "../../../domain/milestone-machine";
import { findOrgEngagement } from "../../../data/engagement/read";
import { listMilestoneGates } from "../../../data/milestone/gate-read";
import { orgProcedure } from "../../trpc";
import { ZEngagementDetailOut, ZGetByIdInput } from "./engagement.schema";

export const getEngagement = orgProcedure
  .input(ZGetByIdInput)
  .output(ZEngagementDetailOut)
  .query(async ({ ctx, input }) => {
    const engagement = await findOrgEngagement(ctx.scope, input.id);
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
          gate: {
            open: gate.gate.open,
            checks: gate.gate.checks.map((check) => ({ ...check, params: params.get(check.requirementId) ?? {} })),
          },
          actions: availableActions(gate.facts, ctx.scope.role),
        };
      }),
    };
  });
