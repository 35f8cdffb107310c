import { z } from "zod";
import { listActionItems } from "../../../data/sla/action-items";
import { portalProcedure } from "../../trpc";
import { ZActionItemOut, ZEngagementInput } from "./sla.schema";

export const actionItemsAsClient = portalProcedure
  .input(ZEngagementInput)
  .output(z.array(ZActionItemOut))
  .query(({ ctx, input }) => listActionItems(ctx.scope, input.engagementId));
