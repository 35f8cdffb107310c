import { z } from "zod";
import { patternsProblem } from "../../../domain/document-number";

export const ZSeller = z.object({
  name: z.string(),
  legalName: z.string(),
  taxId: z.string(),
  address: z.string(),
  paymentInstructions: z.string(),
});

export const ZNumbering = z.object({ invoicePattern: z.string(), creditNotePattern: z.string() });

export const ZRenewalSettings = z.object({ renewalAutoIssue: z.boolean() });

export const ZUpdateRenewalSettingsInput = z.strictObject({ renewalAutoIssue: z.boolean() });

export const ZUpdateSellerInput = z.strictObject({
  legalName: z.string().trim().max(200),
  taxId: z.string().trim().max(60),
  address: z.string().trim().max(500),
  paymentInstructions: z.string().trim().max(1_000),
});

export const ZUpdateNumberingInput = z
  .strictObject({
    invoicePattern: z.string().trim().min(1).max(40),
    creditNotePattern: z.string().trim().min(1).max(40),
  })
  .superRefine((value, ctx) => {
    const problem = patternsProblem(value.invoicePattern, value.creditNotePattern);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["invoicePattern"] });
  });
