import { z } from "zod";
import { applyChangeOrder } from "../../../data/change-order-write";
import { deliverOutbox } from "../../../mail/deliver";
import { noticeDelivery } from "../../origin";
import { answeringRefusals } from "../../refusals";
import { orgProcedure } from "../../trpc";

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
      approvalsVoided: z.array(z.string()),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const result = await answeringRefusals(
      () =>
        applyChangeOrder(
          ctx.scope,
          { engagementId: input.engagementId, feeMinor: input.feeMinor, sharesBp: Object.fromEntries(input.shares.map((s) => [s.milestoneId, s.shareBp])), reason: input.reason },
          noticeDelivery(ctx),
        ),
      "Engagement not found.",
    );
    void deliverOutbox();
    return result;
  });
