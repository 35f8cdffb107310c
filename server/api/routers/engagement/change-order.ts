import { z } from "zod";
import { ZEntityId } from "../../../domain/schemas";
import { applyChangeOrder } from "../../../data/engagement/change-order";
import { deliverOutbox } from "../../../services/mail/deliver";
import { noticeDelivery } from "../../origin";
import { orgProcedure } from "../../trpc";

export const ZChangeOrderInput = z.strictObject({
  engagementId: ZEntityId,
  feeMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  shares: z.array(z.strictObject({ milestoneId: ZEntityId, shareBp: z.number().int().min(0).max(10_000) })).max(20),
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
    const result = await applyChangeOrder(
      ctx.scope,
      {
        engagementId: input.engagementId,
        feeMinor: input.feeMinor,
        sharesBp: Object.fromEntries(input.shares.map((s) => [s.milestoneId, s.shareBp])),
        reason: input.reason,
      },
      noticeDelivery(ctx),
    );
    void deliverOutbox();
    return result;
  });
