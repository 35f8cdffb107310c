import { z } from "zod";
import { ZMilestoneState } from "../../../domain/milestone";

const ZMoneyByCurrency = z.object({
  currency: z.string().length(3),
  byState: z.array(z.object({ state: ZMilestoneState, amountMinor: z.number().int() })),
  byMonth: z.array(z.object({ month: z.string(), invoicedMinor: z.number().int(), paidMinor: z.number().int() })),
  totals: z.object({
    invoicedMinor: z.number().int(),
    paidMinor: z.number().int(),
    outstandingMinor: z.number().int(),
    slaCreditsMinor: z.number().int(),
  }),
});

export const ZCashSummaryOut = z.object({
  states: z.array(ZMilestoneState),
  currencies: z.array(ZMoneyByCurrency),
  overdue: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      engagementTitle: z.string(),
      clientName: z.string(),
      currency: z.string(),
      outstandingMinor: z.number().int(),
      dueDate: z.string(),
      daysOverdue: z.number().int(),
    }),
  ),
});
