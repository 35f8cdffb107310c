import { getPackage } from "../../../data/package/read";
import { MoneyError } from "../../../domain/money";
import { computePrice, quantityProblems } from "../../../domain/proposal/price";
import { orgProcedure } from "../../trpc";
import { ZQuoteInput, ZQuoteOut } from "./service-package.schema";

/** A package's price for the quantities, with what is wrong with them: the proposal form's live preview. */
export const quoteServicePackage = orgProcedure
  .input(ZQuoteInput)
  .output(ZQuoteOut)
  .query(async ({ ctx, input }) => {
    const found = await getPackage(ctx.scope, input.packageId);
    const problems = quantityProblems(found.pricing, input.quantities);
    let price = null;
    try {
      price = computePrice(found.pricing, input.quantities, found.currency, input.locale);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
    }
    return { currency: found.currency, price, problems };
  });
