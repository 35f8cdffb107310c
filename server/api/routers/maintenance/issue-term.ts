import { issueTermInvoice } from "../../../data/maintenance/issue";
import { organisationLocale } from "../../../data/organisation/settings";
import { pdfIssuer } from "../../../services/pdf/invoice-issuer";
import { orgProcedure } from "../../trpc";
import { withOverdue, ZInvoiceOut } from "../invoice/invoice.schema";
import { ZIssueTermInput } from "./maintenance.schema";

/** Issues a term's invoice (at most one per term: ALREADY_INVOICED names the one it has). */
export const issueMaintenanceTerm = orgProcedure
  .input(ZIssueTermInput)
  .output(ZInvoiceOut)
  .mutation(async ({ ctx, input }) =>
    withOverdue(
      await issueTermInvoice(ctx.scope, input.termId, pdfIssuer(await organisationLocale(ctx.scope)), {
        idempotencyKey: input.idempotencyKey,
        issueDate: input.issueDate,
      }),
    ),
  );
