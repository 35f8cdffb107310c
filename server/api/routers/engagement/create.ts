import { z } from "zod";
import { ZEngagementPlan } from "../../../domain/engagement-plan";
import { createEngagement } from "../../../data/engagement/create";
import { orgProcedure } from "../../trpc";

export const createEngagementProcedure = orgProcedure
  .input(ZEngagementPlan)
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => createEngagement(ctx.scope, input));
