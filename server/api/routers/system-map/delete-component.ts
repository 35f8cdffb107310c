import { deleteComponent } from "../../../data/roi/system-map";
import { orgProcedure } from "../../trpc";
import { ZComponentInput, ZDoneOut } from "./system-map.schema";

/** Removes the component and its edges; what was attached to it stays in the engagement, detached. */
export const deleteSystemComponent = orgProcedure
  .input(ZComponentInput)
  .output(ZDoneOut)
  .mutation(async ({ ctx, input }) => {
    await deleteComponent(ctx.scope, input.componentId);
    return { ok: true as const };
  });
