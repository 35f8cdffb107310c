import { createTRPCRouter } from "../../trpc";
import { getRoi } from "./get";
import { planMilestone } from "./plan-milestone";
import { shareRoi } from "./share";
import { simulateRoi } from "./simulate";
import { updateSettings } from "./update-settings";
import { withdrawRoi } from "./withdraw";

export const roiRouter = createTRPCRouter({
  get: getRoi,
  updateSettings,
  planMilestone,
  share: shareRoi,
  withdraw: withdrawRoi,
  simulate: simulateRoi,
});
