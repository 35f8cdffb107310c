import { removeDependency } from "../../../data/roi/system-map";
import { orgProcedure } from "../../trpc";
import { ZDoneOut, ZRemoveDependencyInput } from "./system-map.schema";

export const removeSystemDependency = orgProcedure
  .input(ZRemoveDependencyInput)
  .output(ZDoneOut)
  .mutation(async ({ ctx, input }) => {
    await removeDependency(ctx.scope, input);
    return { ok: true as const };
  });
