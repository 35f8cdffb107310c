import { z } from "zod";
import { ZEntityId } from "../../../domain/schemas";
import { listInvoices } from "../../../data/invoice/read";
import { portalProcedure } from "../../trpc";
import { ZPortalInvoiceOut } from "../invoice/invoice.schema";
import { presentInvoice } from "./present-invoice";

export const listPortalInvoices = portalProcedure
  .input(z.strictObject({ engagementId: ZEntityId.optional() }))
  .output(z.array(ZPortalInvoiceOut))
  .query(async ({ ctx, input }) => {
    return (await listInvoices(ctx.scope, input)).map((invoice) => presentInvoice(ctx.scope, invoice));
  });
