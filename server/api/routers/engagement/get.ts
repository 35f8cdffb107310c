import { findOrgEngagement } from "../../../data/engagement-read";
import { notFound, orgProcedure } from "../../trpc";
import { ZEngagementOut, ZGetByIdInput } from "./engagement.schema";

export const getEngagement = orgProcedure
  .input(ZGetByIdInput)
  .output(ZEngagementOut)
  .query(async ({ ctx, input }) => {
    const engagement = await findOrgEngagement(ctx.scope, input.id);
    if (!engagement) throw notFound("Engagement");
    return engagement;
  });
