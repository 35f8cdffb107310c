import { listObjectives } from "../../../data/objective/read";
import { portalProcedure } from "../../trpc";
import { ZEngagementObjectivesInput, ZObjectivesOut } from "../objective/objective.schema";

/** The engagement's objectives as the client sees them: its own client's engagements only, viewers too. */
export const objectivesAsClient = portalProcedure
  .input(ZEngagementObjectivesInput)
  .output(ZObjectivesOut)
  .query(({ ctx, input }) => listObjectives(ctx.scope, input.engagementId));
