import { closeActionItem as closeItem } from "../../../data/sla/action-items";
import { orgProcedure } from "../../trpc";
import { ZActionItemInput, ZActionItemOut } from "./sla.schema";

export const closeActionItem = orgProcedure
  .input(ZActionItemInput)
  .output(ZActionItemOut)
  .mutation(({ ctx, input }) => closeItem(ctx.scope, input.actionItemId));
