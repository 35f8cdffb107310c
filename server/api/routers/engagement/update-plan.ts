import { z } from "zod";
import { ZEngagementPlan } from "../../../domain/engagement-plan";
import { replaceEngagementPlan } from "../../../data/engagement-plan-write";
import { notFound, orgProcedure } from "../../trpc";
import { refusalError } from "../../refusals";

/** Edits the plan before work starts; afterwards only change orders re-split the fee. */
export const updatePlan = orgProcedure
  .input(z.strictObject({ engagementId: z.string().trim().min(1).max(64), plan: ZEngagementPlan }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const result = await replaceEngagementPlan(ctx.scope, input.engagementId, input.plan);
    if (result.ok) return { ok: true as const };
    if (result.code === "NOT_FOUND") throw notFound("Engagement");
    throw refusalError(result.code, result.reasons);
  });
