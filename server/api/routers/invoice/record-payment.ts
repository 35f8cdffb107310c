import { recordPayment as savePayment } from "../../../data/invoice/issue";
import { answeringRefusals } from "../../refusals";
import { orgProcedure } from "../../trpc";
import { INVOICE_NOT_FOUND, withOverdue, ZInvoiceOut, ZRecordPaymentInput } from "./invoice.schema";

export const recordPayment = orgProcedure
  .input(ZRecordPaymentInput)
  .output(ZInvoiceOut)
  .mutation(async ({ ctx, input }) =>
    withOverdue(await answeringRefusals(() => savePayment(ctx.scope, input), INVOICE_NOT_FOUND)),
  );
