import { z } from "zod";
import { ZEntityId } from "../../../domain/schemas";
import { endEngagement } from "../../../data/engagement/end";
import { ENDING_STATUSES } from "../../../domain/engagement-status";
import { orgProcedure } from "../../trpc";

export const ZEndEngagementInput = z.strictObject({
  engagementId: ZEntityId,
  status: z.enum(ENDING_STATUSES),
  reason: z.string().trim().min(3, "say why").max(2_000),
});

/** Completes or cancels an engagement; its pipelines' API tokens stop working with it. */
export const endEngagementProcedure = orgProcedure
  .input(ZEndEngagementInput)
  .output(z.object({ status: z.enum(ENDING_STATUSES), tokensRevoked: z.number().int() }))
  .mutation(({ ctx, input }) => endEngagement(ctx.scope, input.engagementId, input.status, input.reason));
