import { deleteObjective } from "../../../data/objective/write";
import { orgProcedure } from "../../trpc";
import { ZDeletedOut, ZObjectiveInput } from "./objective.schema";

export const deleteObjectiveProcedure = orgProcedure
  .input(ZObjectiveInput)
  .output(ZDeletedOut)
  .mutation(async ({ ctx, input }) => {
    await deleteObjective(ctx.scope, input.id);
    return { deleted: true as const };
  });
