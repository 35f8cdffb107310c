import { z } from "zod";
import { findClientEngagement, listClientEngagements } from "../../../data/engagement-read";
import { portalProcedure } from "../../trpc";
import { ZGetByIdInput } from "../engagement/engagement.schema";
import { presentForClient } from "./present";
import { ZPortalEngagementOut } from "./portal.schema";

export const listPortalEngagements = portalProcedure
  .output(z.array(ZPortalEngagementOut))
  .query(async ({ ctx }) => (await listClientEngagements(ctx.scope)).map((e) => presentForClient(ctx.scope, e)));

export const getPortalEngagement = portalProcedure
  .input(ZGetByIdInput)
  .output(ZPortalEngagementOut)
  .query(async ({ ctx, input }) => {
    return presentForClient(ctx.scope, await findClientEngagement(ctx.scope, input.id));
  });
