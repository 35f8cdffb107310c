import { usageAsSeen, usageReport, type UsageReportAsSeen } from "../../../data/usage/report";
import { createTRPCRouter, portalProcedure } from "../../trpc";
import { ZPortalUsageInput, ZPortalUsageOut } from "../usage/invoice.schema";

// The engagement's metered usage as its client sees it: per meter and tenant, with the usage
// invoices of the period. A viewer of an engagement that hides amounts sees the quantities only.

export function presentUsage(report: UsageReportAsSeen) {
  const invoices = new Map(report.meters.flatMap((m) => (m.invoice ? [[m.invoice.id, m.invoice] as const] : [])));
  return {
    period: report.period,
    currency: report.currency,
    closed: report.closed,
    amountsHidden: !report.amountsVisible,
    totalMinor: report.totalMinor,
    meters: report.meters.map((m) => ({
      meter: m.meter,
      unit: m.unit,
      quantity: m.quantity,
      freeQuantity: m.freeQuantity,
      billableQuantity: m.billableQuantity,
      amountMinor: m.amountMinor,
      amountExact: m.amountExact,
      tiers: m.tiers.map((t) => ({
        upTo: t.upTo,
        priceMinor: t.priceMinor,
        perQuantity: t.perQuantity,
        quantity: t.quantity,
        amountExact: t.amountExact,
      })),
      byTenant: m.byTenant,
      closesAt: m.closesAt,
      invoice: m.invoice,
    })),
    invoices: [...invoices.values()],
  };
}

const report = portalProcedure
  .input(ZPortalUsageInput)
  .output(ZPortalUsageOut)
  .query(async ({ ctx, input }) => {
    return presentUsage(usageAsSeen(await usageReport(ctx.scope, input.engagementId, input.period)));
  });

export const portalUsageRouter = createTRPCRouter({ report });
