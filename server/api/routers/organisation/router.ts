import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { patternsProblem } from "../../../domain/document-number";
import { numberingSettings, sellerDetails, updateNumbering, updateSellerDetails } from "../../../data/organisation";
import { createTRPCRouter, orgProcedure } from "../../trpc";

const ZSeller = z.object({ name: z.string(), legalName: z.string(), taxId: z.string(), address: z.string(), paymentInstructions: z.string() });

const ZNumbering = z.object({ invoicePattern: z.string(), creditNotePattern: z.string() });

function ownerOnly(role: string): void {
  if (role !== "owner") throw new TRPCError({ code: "FORBIDDEN", message: "Only the organisation's owner changes its invoicing details." });
}

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
      ownerOnly(ctx.scope.role);
      return updateSellerDetails(ctx.scope, input);
    }),
  numbering: orgProcedure.output(ZNumbering).query(({ ctx }) => numberingSettings(ctx.scope)),
  /** Owners only: the number patterns of invoices and credit notes issued from now on. */
  updateNumbering: orgProcedure
    .input(
      z
        .strictObject({ invoicePattern: z.string().trim().min(1).max(40), creditNotePattern: z.string().trim().min(1).max(40) })
        .superRefine((value, ctx) => {
          const problem = patternsProblem(value.invoicePattern, value.creditNotePattern);
          if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["invoicePattern"] });
        }),
    )
    .output(ZNumbering)
    .mutation(({ ctx, input }) => {
      ownerOnly(ctx.scope.role);
      return updateNumbering(ctx.scope, input);
    }),
});
