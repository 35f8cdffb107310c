import { z } from "zod";
import { CASH_STATES, cashSummary } from "../../../domain/cash";
import { ZMilestoneState } from "../../../domain/milestone";
import { listOrgEngagements } from "../../../data/engagement-read";
import { listInvoices } from "../../../data/invoices";
import { createTRPCRouter, orgProcedure } from "../../trpc";

const ZMoneyByCurrency = z.object({
  currency: z.string().length(3),
  byState: z.array(z.object({ state: ZMilestoneState, amountMinor: z.number().int() })),
  byMonth: z.array(z.object({ month: z.string(), invoicedMinor: z.number().int(), paidMinor: z.number().int() })),
  totals: z.object({ invoicedMinor: z.number().int(), paidMinor: z.number().int(), outstandingMinor: z.number().int() }),
});

export const cashRouter = createTRPCRouter({
  summary: orgProcedure
    .output(
      z.object({
        states: z.array(ZMilestoneState),
        currencies: z.array(ZMoneyByCurrency),
        overdue: z.array(z.object({ id: z.string(), number: z.string(), engagementTitle: z.string(), clientName: z.string(), currency: z.string(), outstandingMinor: z.number().int(), dueDate: z.string(), daysOverdue: z.number().int() })),
      }),
    )
    .query(async ({ ctx }) => {
      const [engagements, invoices] = await Promise.all([listOrgEngagements(ctx.scope), listInvoices(ctx.scope)]);
      const summary = cashSummary({ engagements, invoices, today: new Date().toISOString().slice(0, 10) });
      return { states: [...CASH_STATES], ...summary };
    }),
});
