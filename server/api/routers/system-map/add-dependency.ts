import { addDependency } from "../../../data/roi/system-map";
import { orgProcedure } from "../../trpc";
import { ZAddDependencyInput, ZDependencyOut } from "./system-map.schema";

export const addSystemDependency = orgProcedure
  .input(ZAddDependencyInput)
  .output(ZDependencyOut)
  .mutation(({ ctx, input }) => addDependency(ctx.scope, input));
