import { z } from "zod";
import { listInvoices } from "../../../data/invoice/read";
import { orgProcedure } from "../../trpc";
import { withOverdue, ZInvoiceOut, ZListInvoicesInput } from "./invoice.schema";

export const list = orgProcedure
  .input(ZListInvoicesInput)
  .output(z.array(ZInvoiceOut))
  .query(async ({ ctx, input }) => (await listInvoices(ctx.scope, input)).map(withOverdue));
