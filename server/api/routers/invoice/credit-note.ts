import { issueCreditNote } from "../../../data/invoice/corrections";
import { organisationLocale } from "../../../data/organisation/settings";
import { pdfIssuer } from "../../../services/pdf/invoice-issuer";
import { orgProcedure } from "../../trpc";
import { withOverdue, ZCreditNoteInput, ZInvoiceOut } from "./invoice.schema";

export const creditNote = orgProcedure
  .input(ZCreditNoteInput)
  .output(ZInvoiceOut)
  .mutation(async ({ ctx, input }) =>
    withOverdue(await issueCreditNote(ctx.scope, input, pdfIssuer(await organisationLocale(ctx.scope)))),
  );
