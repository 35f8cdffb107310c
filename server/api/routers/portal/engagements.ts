import { z } from "zod";
import { applyDueDeemedAcceptances } from "../../../data/deemed-acceptance";
import { findClientEngagement, listClientEngagements } from "../../../data/engagement-read";
import { noticeDelivery } from "../../origin";
import { notFound, portalProcedure } from "../../trpc";
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
    let engagement = await findClientEngagement(ctx.scope, input.id);
    if (!engagement) throw notFound("Engagement");
    if (await applyDueDeemedAcceptances({ engagementId: engagement.id, notices: noticeDelivery(ctx) })) engagement = (await findClientEngagement(ctx.scope, input.id))!;
    return presentForClient(ctx.scope, engagement);
  });
