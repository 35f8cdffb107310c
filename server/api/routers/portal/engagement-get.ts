import { findClientEngagement } from "../../../data/engagement/read";
import { portalProcedure } from "../../trpc";
import { ZGetByIdInput } from "../engagement/engagement.schema";
import { presentForClient } from "./present";
import { ZPortalEngagementOut } from "./portal.schema";

export const getPortalEngagement = portalProcedure
  .input(ZGetByIdInput)
  .output(ZPortalEngagementOut)
  .query(async ({ ctx, input }) => {
    return presentForClient(ctx.scope, await findClientEngagement(ctx.scope, input.id));
  });
