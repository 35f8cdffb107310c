import { z } from "zod";
import { ZEngagementPlan } from "../../../domain/engagement-plan";
import { replaceEngagementPlan } from "../../../data/engagement/replace-plan";
import { ZEntityId } from "../../../domain/schemas";
import { orgProcedure } from "../../trpc";

/** Edits the plan before work starts; afterwards only change orders re-split the fee. */
export const updatePlan = orgProcedure
  .input(z.strictObject({ engagementId: ZEntityId, plan: ZEngagementPlan }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await replaceEngagementPlan(ctx.scope, input.engagementId, input.plan);
    return { ok: true as const };
  });
