import { createComponent } from "../../../data/roi/system-map";
import { orgProcedure } from "../../trpc";
import { ZComponentOut, ZCreateComponentInput } from "./system-map.schema";

export const createSystemComponent = orgProcedure
  .input(ZCreateComponentInput)
  .output(ZComponentOut)
  .mutation(({ ctx, input }) => {
    const { engagementId, ...fields } = input;
    return createComponent(ctx.scope, engagementId, fields);
  });
