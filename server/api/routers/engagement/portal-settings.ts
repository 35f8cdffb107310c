import { z } from "zod";
import { updatePortalSettings } from "../../../data/engagement/portal-settings";
import { ZEntityId } from "../../../domain/schemas";
import { orgProcedure } from "../../trpc";

const ZSettings = z.object({
  hideAmountsFromViewers: z.boolean(),
  deemedAcceptanceDays: z.number().int().min(1).max(365).nullable(),
});

export const setPortalSettings = orgProcedure
  .input(
    z.strictObject({
      engagementId: ZEntityId,
      hideAmountsFromViewers: z.boolean(),
      deemedAcceptanceDays: z.number().int().min(1).max(365).nullable(),
    }),
  )
  .output(ZSettings)
  .mutation(({ ctx, input }) =>
    updatePortalSettings(ctx.scope, input.engagementId, {
      hideAmountsFromViewers: input.hideAmountsFromViewers,
      deemedAcceptanceDays: input.deemedAcceptanceDays,
    }),
  );
