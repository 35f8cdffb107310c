import { createCallerFactory, createTRPCRouter } from "./trpc";
import { apiTokenRouter } from "./routers/api-token/router";
import { clientRouter } from "./routers/client/list";
import { engagementRouter } from "./routers/engagement/router";
import { meRouter } from "./routers/me/router";
import { milestoneRouter } from "./routers/milestone/router";
import { portalRouter } from "./routers/portal/router";

export const appRouter = createTRPCRouter({
  me: meRouter,
  apiToken: apiTokenRouter,
  client: clientRouter,
  engagement: engagementRouter,
  milestone: milestoneRouter,
  portal: portalRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
