import { organisationLocale } from "../../../data/organisation/settings";
import { issueUsageInvoice } from "../../../data/usage/invoice";
import { pdfIssuer } from "../../../services/pdf/invoice-issuer";
import { orgProcedure } from "../../trpc";
import { withOverdue, ZInvoiceOut } from "../invoice/invoice.schema";
import { ZIssueUsageInvoiceInput } from "./invoice.schema";

/** The invoice of a closed usage period: one line per meter, once per meter and period, refused with reasons otherwise. */
export const issueUsageInvoiceProcedure = orgProcedure
  .input(ZIssueUsageInvoiceInput)
  .output(ZInvoiceOut)
  .mutation(async ({ ctx, input }) =>
    withOverdue(await issueUsageInvoice(ctx.scope, input, pdfIssuer(await organisationLocale(ctx.scope)))),
  );
