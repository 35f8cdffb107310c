import { z } from "zod";
import { visibleEngagement } from "../../../data/engagement/visible";
import { scheduleRoiSimulation } from "../../../data/roi/report";
import { orgProcedure } from "../../trpc";
import { ZRoiEngagementInput } from "./roi.schema";

/**
 * Asks for the simulation of a large model whose interval is pending: reads never queue it
 * themselves, and writes to the model's own inputs queue it already; this covers inputs changed
 * elsewhere (an invoice moving a milestone's month, an approval starting an objective's benefit).
 */
export const simulateRoi = orgProcedure
  .input(ZRoiEngagementInput)
  .output(z.object({ queued: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    await visibleEngagement(ctx.scope, input.engagementId);
    return { queued: await scheduleRoiSimulation(ctx.scope.organisationId, input.engagementId) };
  });
