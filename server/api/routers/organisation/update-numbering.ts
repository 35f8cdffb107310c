import { updateNumbering as saveNumbering } from "../../../data/organisation/settings";
import { orgProcedure } from "../../trpc";
import { ZNumbering, ZUpdateNumberingInput } from "./organisation.schema";
import { ownerOnly } from "./owner-only";

/** Owners only: the number patterns of invoices and credit notes issued from now on. */
export const updateNumbering = orgProcedure
  .input(ZUpdateNumberingInput)
  .output(ZNumbering)
  .mutation(({ ctx, input }) => {
    ownerOnly(ctx.scope.role);
    return saveNumbering(ctx.scope, input);
  });
