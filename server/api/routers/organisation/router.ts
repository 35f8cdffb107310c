import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { sellerDetails, updateSellerDetails } from "../../../data/organisation";
import { createTRPCRouter, orgProcedure } from "../../trpc";

const ZSeller = z.object({ name: z.string(), legalName: z.string(), taxId: z.string(), address: z.string(), paymentInstructions: z.string() });

export const organisationRouter = createTRPCRouter({
  seller: orgProcedure.output(ZSeller).query(({ ctx }) => sellerDetails(ctx.scope)),
  /** Owners only: what every future invoice prints as the seller. */
  updateSeller: orgProcedure
    .input(
      z.strictObject({
        legalName: z.string().trim().max(200),
        taxId: z.string().trim().max(60),
        address: z.string().trim().max(500),
        paymentInstructions: z.string().trim().max(1_000),
      }),
    )
    .output(ZSeller)
    .mutation(({ ctx, input }) => {
      if (ctx.scope.role !== "owner") throw new TRPCError({ code: "FORBIDDEN", message: "Only the organisation's owner changes its invoicing details." });
      return updateSellerDetails(ctx.scope, input);
    }),
});
