import { issueCreditNote } from "../../../data/invoice/issue";
import { organisationLocale } from "../../../data/organisation/settings";
import { pdfIssuer } from "../../../services/pdf/invoice-issuer";
import { answeringRefusals } from "../../refusals";
import { orgProcedure } from "../../trpc";
import { INVOICE_NOT_FOUND, withOverdue, ZCreditNoteInput, ZInvoiceOut } from "./invoice.schema";

export const creditNote = orgProcedure
  .input(ZCreditNoteInput)
  .output(ZInvoiceOut)
  .mutation(async ({ ctx, input }) =>
    withOverdue(
      await answeringRefusals(
        async () => issueCreditNote(ctx.scope, input, pdfIssuer(await organisationLocale(ctx.scope))),
        INVOICE_NOT_FOUND,
      ),
    ),
  );
