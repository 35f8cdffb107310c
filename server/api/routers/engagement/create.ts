import { z } from "zod";
import { ZEngagementPlan } from "../../../domain/engagement-plan";
import { createEngagement } from "../../../data/engagement-write";
import { notFound, orgProcedure } from "../../trpc";

export const createEngagementProcedure = orgProcedure
  .input(ZEngagementPlan)
  .output(z.object({ id: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const created = await createEngagement(ctx.scope, input);
    if (!created) throw notFound("Client");
    return created;
  });
