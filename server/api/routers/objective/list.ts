import { listObjectives } from "../../../data/objective/read";
import { orgProcedure } from "../../trpc";
import { ZEngagementObjectivesInput, ZObjectivesOut } from "./objective.schema";

/** The engagement's objectives: baseline -> target -> actual, with each one's verdict. */
export const listObjectivesProcedure = orgProcedure
  .input(ZEngagementObjectivesInput)
  .output(ZObjectivesOut)
  .query(({ ctx, input }) => listObjectives(ctx.scope, input.engagementId));
