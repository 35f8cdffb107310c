import { z } from "zod";
import { applyChangeOrder } from "../../../data/change-order-write";
import { notFound, orgProcedure } from "../../trpc";
import { refusalError } from "../../refusals";

export const ZChangeOrderInput = z.strictObject({
  engagementId: z.string().trim().min(1).max(64),
  feeMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  shares: z.array(z.strictObject({ milestoneId: z.string().min(1).max(64), shareBp: z.number().int().min(0).max(10_000) })).max(20),
  reason: z.string().trim().min(3, "say why the split changes").max(2_000),
});

export const changeOrder = orgProcedure
  .input(ZChangeOrderInput)
  .output(
    z.object({
      changeOrderId: z.string(),
      feeMinor: z.number().int(),
      milestones: z.array(z.object({ id: z.string(), shareBp: z.number().int(), amountMinor: z.number().int() })),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const result = await applyChangeOrder(ctx.scope, {
      engagementId: input.engagementId,
      feeMinor: input.feeMinor,
      sharesBp: Object.fromEntries(input.shares.map((s) => [s.milestoneId, s.shareBp])),
      reason: input.reason,
    });
    if (result.ok) return { changeOrderId: result.changeOrderId, feeMinor: result.feeMinor, milestones: result.milestones };
    if (result.code === "NOT_FOUND") throw notFound("Engagement");
    throw refusalError(result.code, result.reasons);
  });
