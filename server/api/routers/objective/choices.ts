import { objectiveSourceChoices } from "../../../data/objective/read";
import { orgProcedure } from "../../trpc";
import { ZEngagementObjectivesInput, ZObjectiveChoicesOut } from "./objective.schema";

/** What an objective may read its actual from: the engagement's gate requirements and current SLA clauses. */
export const objectiveChoicesProcedure = orgProcedure
  .input(ZEngagementObjectivesInput)
  .output(ZObjectiveChoicesOut)
  .query(({ ctx, input }) => objectiveSourceChoices(ctx.scope, input.engagementId));
