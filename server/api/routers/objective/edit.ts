import { editObjective } from "../../../data/objective/write";
import { orgProcedure } from "../../trpc";
import { ZEditObjectiveInput, ZObjectiveOut } from "./objective.schema";

/** New fields for an objective (every field named, as on create). */
export const editObjectiveProcedure = orgProcedure
  .input(ZEditObjectiveInput)
  .output(ZObjectiveOut)
  .mutation(({ ctx, input }) => editObjective(ctx.scope, input.id, input.fields));
