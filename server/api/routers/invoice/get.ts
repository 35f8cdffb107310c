import { findInvoice } from "../../../data/invoice/read";
import { orgProcedure } from "../../trpc";
import { withOverdue, ZGetInvoiceInput, ZInvoiceOut } from "./invoice.schema";

export const get = orgProcedure
  .input(ZGetInvoiceInput)
  .output(ZInvoiceOut)
  .query(async ({ ctx, input }) => withOverdue(await findInvoice(ctx.scope, input.id)));
