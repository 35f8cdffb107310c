import { createTRPCRouter } from "../../trpc";
import { transitionAsClient } from "../milestone/transition";
import { getPortalEngagement, listPortalEngagements } from "./engagements";

export const portalRouter = createTRPCRouter({
  engagement: createTRPCRouter({ list: listPortalEngagements, get: getPortalEngagement }),
  milestone: createTRPCRouter({ transition: transitionAsClient }),
});
