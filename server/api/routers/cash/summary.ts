import { CASH_STATES, cashSummary } from "../../../domain/cash";
import { listOrgEngagements } from "../../../data/engagement/read";
import { listInvoices } from "../../../data/invoice/read";
import { orgProcedure } from "../../trpc";
import { ZCashSummaryOut } from "./cash.schema";

export const summary = orgProcedure.output(ZCashSummaryOut).query(async ({ ctx }) => {
  const [engagements, invoices] = await Promise.all([listOrgEngagements(ctx.scope), listInvoices(ctx.scope)]);
  const summary = cashSummary({ engagements, invoices, today: new Date().toISOString().slice(0, 10) });
  return { states: [...CASH_STATES], ...summary };
});
