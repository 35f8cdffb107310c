import { organisationLocale } from "../../../data/organisation/settings";
import { issueSlaCreditNote } from "../../../data/sla/credit-note";
import { pdfIssuer } from "../../../services/pdf/invoice-issuer";
import { orgProcedure } from "../../trpc";
import { withOverdue, ZInvoiceOut } from "../invoice/invoice.schema";
import { ZIssueSlaCreditNoteInput } from "./sla.schema";

/** The credit note for a closed period's SLA credits: once per period, refused with reasons otherwise. */
export const issueCreditNote = orgProcedure
  .input(ZIssueSlaCreditNoteInput)
  .output(ZInvoiceOut)
  .mutation(async ({ ctx, input }) =>
    withOverdue(await issueSlaCreditNote(ctx.scope, input, pdfIssuer(await organisationLocale(ctx.scope)))),
  );
