import { updateSellerDetails } from "../../../data/organisation/settings";
import { orgProcedure } from "../../trpc";
import { ZSeller, ZUpdateSellerInput } from "./organisation.schema";
import { ownerOnly } from "./owner-only";

/** Owners only: what every future invoice prints as the seller. */
export const updateSeller = orgProcedure
  .input(ZUpdateSellerInput)
  .output(ZSeller)
  .mutation(({ ctx, input }) => {
    ownerOnly(ctx.scope.role);
    return updateSellerDetails(ctx.scope, input);
  });
