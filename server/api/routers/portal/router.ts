import { createTRPCRouter } from "../../trpc";
import { getPortalEngagement, listPortalEngagements } from "./engagements";

export const portalRouter = createTRPCRouter({
  engagement: createTRPCRouter({ list: listPortalEngagements, get: getPortalEngagement }),
});
