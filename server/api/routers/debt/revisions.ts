import { z } from "zod";
import { debtItemRevisions } from "../../../data/debt/items";
import { orgProcedure } from "../../trpc";
import { ZDebtItemInput, ZDebtRevisionOut } from "./debt.schema";

/** The item's saved versions, oldest first: its edit history. */
export const debtRevisions = orgProcedure
  .input(ZDebtItemInput)
  .output(z.array(ZDebtRevisionOut))
  .query(({ ctx, input }) => debtItemRevisions(ctx.scope, input.debtItemId));
