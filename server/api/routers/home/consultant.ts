import { consultantHome } from "../../../data/home/read";
import { orgProcedure } from "../../trpc";
import { ZConsultantHomeOut, ZHomeInput } from "./home.schema";

/** What needs a consultant today across the organisation. */
export const consultantHomeProcedure = orgProcedure
  .input(ZHomeInput)
  .output(ZConsultantHomeOut)
  .query(async ({ ctx, input }) => {
    const home = await consultantHome(ctx.scope, input.limit);
    return {
      ...home,
      overdueInvoices: {
        ...home.overdueInvoices,
        items: home.overdueInvoices.items.map(({ hideAmountsFromViewers: _hidden, ...invoice }) => invoice),
      },
    };
  });
