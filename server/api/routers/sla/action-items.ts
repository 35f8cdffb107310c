import { z } from "zod";
import { listActionItems } from "../../../data/sla/action-items";
import { orgProcedure } from "../../trpc";
import { ZActionItemOut, ZEngagementInput } from "./sla.schema";

export const actionItems = orgProcedure
  .input(ZEngagementInput)
  .output(z.array(ZActionItemOut))
  .query(({ ctx, input }) => listActionItems(ctx.scope, input.engagementId));
