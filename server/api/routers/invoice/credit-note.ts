import { issueCreditNote } from "../../../data/invoices";
import { organisationLocale } from "../../../data/organisation";
import { pdfIssuer } from "../../invoices/pdf-issuer";
import { answeringRefusals } from "../../refusals";
import { orgProcedure } from "../../trpc";
import { INVOICE_NOT_FOUND, withOverdue, ZCreditNoteInput, ZInvoiceOut } from "./invoice.schema";

export const creditNote = orgProcedure
  .input(ZCreditNoteInput)
  .output(ZInvoiceOut)
  .mutation(async ({ ctx, input }) => withOverdue(await answeringRefusals(async () => issueCreditNote(ctx.scope, input, pdfIssuer(await organisationLocale(ctx.scope))), INVOICE_NOT_FOUND)));
