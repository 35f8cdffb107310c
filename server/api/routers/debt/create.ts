import { createDebtItem } from "../../../data/debt/items";
import { orgProcedure } from "../../trpc";
import { ZCreateDebtItemInput, ZDebtItemOut } from "./debt.schema";

export const createDebt = orgProcedure
  .input(ZCreateDebtItemInput)
  .output(ZDebtItemOut)
  .mutation(({ ctx, input }) => createDebtItem(ctx.scope, input.engagementId, input.fields));
