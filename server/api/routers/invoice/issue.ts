import { issueInvoice } from "../../../data/invoice/issue";
import { organisationLocale } from "../../../data/organisation/settings";
import { pdfIssuer } from "../../../services/pdf/invoice-issuer";
import { orgProcedure } from "../../trpc";
import { withOverdue, ZInvoiceOut, ZIssueInvoiceInput } from "./invoice.schema";

export const issue = orgProcedure
  .input(ZIssueInvoiceInput)
  .output(ZInvoiceOut)
  .mutation(async ({ ctx, input }) =>
    withOverdue(await issueInvoice(ctx.scope, input, pdfIssuer(await organisationLocale(ctx.scope)))),
  );
