import { attachToComponent } from "../../../data/roi/system-map";
import { orgProcedure } from "../../trpc";
import { ZAttachInput, ZDoneOut } from "./system-map.schema";

/** Puts a debt item, SLA clause or objective on a component of its engagement, or (null) takes it off. */
export const attachToSystemComponent = orgProcedure
  .input(ZAttachInput)
  .output(ZDoneOut)
  .mutation(async ({ ctx, input }) => {
    await attachToComponent(ctx.scope, input);
    return { ok: true as const };
  });
