import { amountReaderOf, seesAmounts } from "../../domain/amount-visibility";
import { Prisma } from "@prisma/client";
import { ZTiers, type Tier } from "../../domain/usage/meter";
import { isUsagePeriodClosed, usagePeriodClosesAt } from "../../domain/usage/period";
import { chargeUsage } from "../../domain/usage/price";
import { visibleEngagementWhere } from "../engagement/visible";
import { prisma } from "../prisma-client";
import { NotFound } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";

// A period's usage of an engagement, priced: the quantities come from the hourly rollups only
// (summed on the database per meter and tenant), so a month of millions of events is a few
// hundred rows read; the number of statements stays fixed whatever the number of meters or events.

export interface UsageTierReport {
  upTo: number | null;
  priceMinor: number;
  perQuantity: number;
  quantity: number;
  amountExact: string;
}

export interface UsageMeterReport {
  meterId: string;
  meter: string;
  unit: string;
  quantity: number;
  freeQuantity: number;
  billableQuantity: number;
  amountMinor: number;
  amountExact: string;
  tiers: UsageTierReport[];
  byTenant: { tenant: string; quantity: number }[];
  closed: boolean;
  closesAt: string;
  invoice: { id: string; number: string } | null;
}

export interface UsageReport {
  engagementId: string;
  period: string;
  currency: string;
  meters: UsageMeterReport[];
  totalMinor: number;
  closed: boolean;
  /** false for a client's viewer of an engagement that hides amounts (see usageAsSeen) */
  amountsVisible: boolean;
}

type Hidden<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };
type TierAsSeen = Hidden<UsageMeterReport["tiers"][number], "priceMinor" | "amountExact">;
export type UsageReportAsSeen = Hidden<Omit<UsageReport, "meters">, "totalMinor"> & {
  meters: (Hidden<Omit<UsageMeterReport, "tiers">, "amountMinor" | "amountExact"> & { tiers: TierAsSeen[] })[];
};

/** The report as its reader may see it: prices and amounts null when they are hidden from them. */
export function usageAsSeen(report: UsageReport): UsageReportAsSeen {
  if (report.amountsVisible) return report;
  return {
    ...report,
    totalMinor: null,
    meters: report.meters.map((meter) => ({
      ...meter,
      amountMinor: null,
      amountExact: null,
      tiers: meter.tiers.map((tier) => ({ ...tier, priceMinor: null, amountExact: null })),
    })),
  };
}

interface TenantSum {
  meterId: string;
  tenant: string;
  quantity: string;
}

/** A quantity or amount the API speaks as a number: exact, or refused loudly. */
function safeNumber(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`${value} exceeds the safe integer range`);
  return result;
}

/** The tiers column as written by createMeter (checked again: a JSON column is not typed). */
export function meterTiers(value: Prisma.JsonValue): Tier[] {
  return ZTiers.parse(value);
}

async function tenantSums(meterIds: string[], period: string): Promise<TenantSum[]> {
  if (meterIds.length === 0) return [];
  // text, not bigint: the sum of a month may pass what a JS number holds before it is checked
  return prisma().$queryRaw<TenantSum[]>`
    SELECT r."meterId", r.tenant, SUM(r.quantity)::text AS quantity
    FROM "UsageRollup" r
    WHERE r."meterId" IN (${Prisma.join(meterIds)}) AND r.period = ${period}
    GROUP BY r."meterId", r.tenant`;
}

function byTenantOf(sums: TenantSum[]): { tenant: string; quantity: number }[] {
  return sums
    .map((sum) => ({ tenant: sum.tenant, quantity: safeNumber(BigInt(sum.quantity)) }))
    .sort((a, b) => b.quantity - a.quantity || a.tenant.localeCompare(b.tenant));
}

/** The engagement's usage for a period (YYYY-MM), every meter priced (NotFound when the scope may not see it). */
export async function usageReport(
  scope: OrgScope | ClientScope,
  engagementId: string,
  period: string,
  now: Date = new Date(),
): Promise<UsageReport> {
  const engagement = await prisma().engagement.findFirst({
    where: visibleEngagementWhere(scope, engagementId),
    select: { id: true, currency: true, hideAmountsFromViewers: true },
  });
  if (!engagement) throw new NotFound("Engagement");
  const meters = await prisma().meter.findMany({
    where: { engagementId, organisationId: scope.organisationId },
    orderBy: [{ meter: "asc" }],
  });
  const meterIds = meters.map((meter) => meter.id);
  const [sums, invoiceLines] = await Promise.all([
    tenantSums(meterIds, period),
    meterIds.length === 0
      ? Promise.resolve([])
      : prisma().invoiceLine.findMany({
          where: { organisationId: scope.organisationId, meterId: { in: meterIds }, usagePeriod: period },
          select: { meterId: true, invoice: { select: { id: true, number: true } } },
        }),
  ]);
  const invoiceOf = new Map(invoiceLines.map((line) => [line.meterId, line.invoice]));
  const nowMs = now.getTime();

  const reports = meters.map((meter): UsageMeterReport => {
    const tiers = meterTiers(meter.tiers);
    const own = sums.filter((sum) => sum.meterId === meter.id);
    const quantity = own.reduce((total, sum) => total + BigInt(sum.quantity), 0n);
    const charge = chargeUsage(quantity, { freeQuantity: safeNumber(meter.freeQuantity), tiers });
    const invoice = invoiceOf.get(meter.id);
    return {
      meterId: meter.id,
      meter: meter.meter,
      unit: meter.unit,
      quantity: safeNumber(charge.quantity),
      freeQuantity: safeNumber(charge.freeQuantity),
      billableQuantity: safeNumber(charge.billableQuantity),
      amountMinor: safeNumber(charge.amountMinor),
      amountExact: charge.amountExact,
      tiers: charge.tiers.map((tier, index) => ({
        upTo: tier.upTo,
        priceMinor: tiers[index]!.priceMinor,
        perQuantity: tiers[index]!.perQuantity,
        quantity: safeNumber(tier.quantity),
        amountExact: tier.amountExact,
      })),
      byTenant: byTenantOf(own),
      closed: isUsagePeriodClosed(period, meter.timezone, nowMs),
      closesAt: new Date(usagePeriodClosesAt(period, meter.timezone)).toISOString(),
      invoice: invoice ? { id: invoice.id, number: invoice.number } : null,
    };
  });

  return {
    engagementId,
    period,
    currency: engagement.currency,
    meters: reports,
    totalMinor: reports.reduce((total, report) => total + report.amountMinor, 0),
    // with no meters the period is the month in UTC
    closed: reports.length === 0 ? isUsagePeriodClosed(period, "UTC", nowMs) : reports.every((report) => report.closed),
    amountsVisible: seesAmounts(amountReaderOf(scope), engagement),
  };
}
