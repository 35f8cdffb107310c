import { findInvoice } from "../../../data/invoice/read";
import { portalProcedure } from "../../trpc";
import { ZGetByIdInput } from "../engagement/engagement.schema";
import { ZPortalInvoiceOut } from "../invoice/invoice.schema";
import { presentInvoice } from "./present-invoice";

export const getPortalInvoice = portalProcedure
  .input(ZGetByIdInput)
  .output(ZPortalInvoiceOut)
  .query(async ({ ctx, input }) => {
    return presentInvoice(ctx.scope, await findInvoice(ctx.scope, input.id));
  });
