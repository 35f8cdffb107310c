import { z } from "zod";
import { planMilestone as planMilestoneMonth } from "../../../data/roi/settings";
import { orgProcedure } from "../../trpc";
import { ZPlanMilestoneInput } from "./roi.schema";

/** The month a milestone's fee is expected, for the cash flows (null clears it). */
export const planMilestone = orgProcedure
  .input(ZPlanMilestoneInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await planMilestoneMonth(ctx.scope, input.milestoneId, input.month);
    return { ok: true as const };
  });
