import { editComponent } from "../../../data/roi/system-map";
import { orgProcedure } from "../../trpc";
import { ZComponentOut, ZEditComponentInput } from "./system-map.schema";

export const editSystemComponent = orgProcedure
  .input(ZEditComponentInput)
  .output(ZComponentOut)
  .mutation(({ ctx, input }) => {
    const { componentId, ...fields } = input;
    return editComponent(ctx.scope, componentId, fields);
  });
