import { createTRPCRouter } from "../../trpc";
import { engagementAudit } from "./audit";
import { changeOrder } from "./change-order";
import { createEngagementProcedure } from "./create";
import { endEngagementProcedure } from "./end";
import { getEngagement } from "./get";
import { listEngagements } from "./list";
import { setPortalSettings } from "./portal-settings";
import { updatePlan } from "./update-plan";

export const engagementRouter = createTRPCRouter({
  list: listEngagements,
  get: getEngagement,
  create: createEngagementProcedure,
  changeOrder,
  audit: engagementAudit,
  updatePlan,
  portalSettings: setPortalSettings,
  end: endEngagementProcedure,
});
