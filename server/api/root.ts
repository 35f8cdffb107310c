import { createCallerFactory, createTRPCRouter } from "./trpc";
import { apiTokenRouter } from "./routers/api-token/router";
import { adrRouter } from "./routers/adr/router";
import { cashRouter } from "./routers/cash/router";
import { clientRouter } from "./routers/client/router";
import { clientUserRouter } from "./routers/client-user/router";
import { healthCheckRouter } from "./routers/health-check/router";
import { homeRouter } from "./routers/home/router";
import { invitationRouter } from "./routers/invitation/router";
import { invoiceRouter } from "./routers/invoice/router";
import { jobRouter } from "./routers/job/router";
import { maintenanceRouter } from "./routers/maintenance/router";
import { notificationRouter } from "./routers/notification/router";
import { organisationRouter } from "./routers/organisation/router";
import { outboxRouter } from "./routers/outbox/router";
import { engagementRouter } from "./routers/engagement/router";
import { meRouter } from "./routers/me/router";
import { milestoneRouter } from "./routers/milestone/router";
import { objectiveRouter } from "./routers/objective/router";
import { portalRouter } from "./routers/portal/router";
import { proposalRouter } from "./routers/proposal/router";
import { roiRouter } from "./routers/roi/router";
import { slaRouter } from "./routers/sla/router";
import { debtRouter } from "./routers/debt/router";
import { systemMapRouter } from "./routers/system-map/router";
import { servicePackageRouter } from "./routers/service-package/router";
import { teamRouter } from "./routers/team/router";
import { usageRouter } from "./routers/usage/router";

export const appRouter = createTRPCRouter({
  me: meRouter,
  apiToken: apiTokenRouter,
  client: clientRouter,
  clientUser: clientUserRouter,
  invitation: invitationRouter,
  invoice: invoiceRouter,
  cash: cashRouter,
  adr: adrRouter,
  outbox: outboxRouter,
  organisation: organisationRouter,
  notification: notificationRouter,
  engagement: engagementRouter,
  home: homeRouter,
  milestone: milestoneRouter,
  objective: objectiveRouter,
  portal: portalRouter,
  proposal: proposalRouter,
  sla: slaRouter,
  roi: roiRouter,
  team: teamRouter,
  job: jobRouter,
  maintenance: maintenanceRouter,
  usage: usageRouter,
  debt: debtRouter,
  systemMap: systemMapRouter,
  servicePackage: servicePackageRouter,
  healthCheck: healthCheckRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
