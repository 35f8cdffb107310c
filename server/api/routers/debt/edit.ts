import { editDebtItem } from "../../../data/debt/items";
import { orgProcedure } from "../../trpc";
import { ZDebtItemOut, ZEditDebtItemInput } from "./debt.schema";

/** New fields for an item; `expectedRevision` is the one the edit was made on (CONFLICT when stale). */
export const editDebt = orgProcedure
  .input(ZEditDebtItemInput)
  .output(ZDebtItemOut)
  .mutation(({ ctx, input }) => editDebtItem(ctx.scope, input.debtItemId, input.fields, input.expectedRevision));
