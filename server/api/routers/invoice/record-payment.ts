import { recordPayment as savePayment } from "../../../data/invoice/corrections";
import { orgProcedure } from "../../trpc";
import { withOverdue, ZInvoiceOut, ZRecordPaymentInput } from "./invoice.schema";

export const recordPayment = orgProcedure
  .input(ZRecordPaymentInput)
  .output(ZInvoiceOut)
  .mutation(async ({ ctx, input }) => withOverdue(await savePayment(ctx.scope, input)));
