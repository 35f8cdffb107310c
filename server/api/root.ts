import { createCallerFactory, createTRPCRouter } from "./trpc";
import { engagementRouter } from "./routers/engagement/router";
import { meRouter } from "./routers/me/router";
import { portalRouter } from "./routers/portal/router";

export const appRouter = createTRPCRouter({
  me: meRouter,
  engagement: engagementRouter,
  portal: portalRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
