import { z } from "zod";
import { withdrawRoiShare } from "../../../data/roi/share";
import { orgProcedure } from "../../trpc";
import { ZWithdrawRoiShareInput } from "./roi.schema";

/** Takes the shared report out of the client's portal. */
export const withdrawRoi = orgProcedure
  .input(ZWithdrawRoiShareInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await withdrawRoiShare(ctx.scope, input.shareId);
    return { ok: true as const };
  });
