import { createObjective } from "../../../data/objective/write";
import { orgProcedure } from "../../trpc";
import { ZCreateObjectiveInput, ZObjectiveOut } from "./objective.schema";

export const createObjectiveProcedure = orgProcedure
  .input(ZCreateObjectiveInput)
  .output(ZObjectiveOut)
  .mutation(({ ctx, input }) => createObjective(ctx.scope, input.engagementId, input.fields));
