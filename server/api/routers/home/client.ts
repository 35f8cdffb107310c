import { amountReaderOf, seesAmounts } from "../../../domain/amount-visibility";
import { clientHome } from "../../../data/home/read";
import { portalProcedure } from "../../trpc";
import { ZClientHomeOut, ZHomeInput } from "./home.schema";

/** What waits for a client user's decision, and the invoices due; amounts as the one visibility rule allows. */
export const clientHomeProcedure = portalProcedure
  .input(ZHomeInput)
  .output(ZClientHomeOut)
  .query(async ({ ctx, input }) => {
    const home = await clientHome(ctx.scope, input.limit);
    const reader = amountReaderOf(ctx.scope);
    return {
      canDecide: ctx.scope.role === "approver",
      awaitingDecision: {
        ...home.awaitingDecision,
        items: home.awaitingDecision.items.map(({ hideAmountsFromViewers, amountMinor, ...item }) => ({
          ...item,
          amountMinor: seesAmounts(reader, { hideAmountsFromViewers }) ? amountMinor : null,
        })),
      },
      invoicesDue: {
        ...home.invoicesDue,
        items: home.invoicesDue.items.map(({ hideAmountsFromViewers, outstandingMinor, ...invoice }) => ({
          ...invoice,
          outstandingMinor: seesAmounts(reader, { hideAmountsFromViewers }) ? outstandingMinor : null,
        })),
      },
    };
  });
