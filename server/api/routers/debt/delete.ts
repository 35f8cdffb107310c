import { deleteDebtItem } from "../../../data/debt/items";
import { orgProcedure } from "../../trpc";
import { ZDebtItemInput, ZDeletedOut } from "./debt.schema";

export const deleteDebt = orgProcedure
  .input(ZDebtItemInput)
  .output(ZDeletedOut)
  .mutation(async ({ ctx, input }) => {
    await deleteDebtItem(ctx.scope, input.debtItemId);
    return { deleted: true as const };
  });
