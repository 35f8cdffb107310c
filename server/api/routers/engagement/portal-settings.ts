import { z } from "zod";
import { updatePortalSettings } from "../../../data/engagement-settings";
import { notFound, orgProcedure } from "../../trpc";

const ZSettings = z.object({ hideAmountsFromViewers: z.boolean(), deemedAcceptanceDays: z.number().int().min(1).max(365).nullable() });

export const setPortalSettings = orgProcedure
  .input(z.strictObject({ engagementId: z.string().trim().min(1).max(64), hideAmountsFromViewers: z.boolean(), deemedAcceptanceDays: z.number().int().min(1).max(365).nullable() }))
  .output(ZSettings)
  .mutation(async ({ ctx, input }) => {
    const saved = await updatePortalSettings(ctx.scope, input.engagementId, { hideAmountsFromViewers: input.hideAmountsFromViewers, deemedAcceptanceDays: input.deemedAcceptanceDays });
    if (!saved) throw notFound("Engagement");
    return saved;
  });
