import { issueInvoice } from "../../../data/invoice/issue";
import { organisationLocale } from "../../../data/organisation/settings";
import { pdfIssuer } from "../../../services/pdf/invoice-issuer";
import { answeringRefusals } from "../../refusals";
import { orgProcedure } from "../../trpc";
import { INVOICE_NOT_FOUND, withOverdue, ZInvoiceOut, ZIssueInvoiceInput } from "./invoice.schema";

export const issue = orgProcedure
  .input(ZIssueInvoiceInput)
  .output(ZInvoiceOut)
  .mutation(async ({ ctx, input }) =>
    withOverdue(
      await answeringRefusals(
        async () => issueInvoice(ctx.scope, input, pdfIssuer(await organisationLocale(ctx.scope))),
        INVOICE_NOT_FOUND,
      ),
    ),
  );
