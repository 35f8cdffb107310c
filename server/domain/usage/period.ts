import { z } from "zod";
import { periodKeyOf, periodSpan } from "../sla/period";

// A usage period is a calendar month in the meter's time zone: [its local first day 00:00, the next
// month's), the same arithmetic as the SLA's monthly periods. It closes two days after it ends:
// events for it are accepted until then, and only a closed period can be invoiced.

export const USAGE_GRACE_MS = 2 * 24 * 60 * 60 * 1000;

export const ZUsagePeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month: YYYY-MM");

/** The period (YYYY-MM) an instant falls in, in the zone. */
export function usagePeriodOf(atMs: number, timezone: string): string {
  return periodKeyOf("month", atMs, timezone);
}

/** [start, end) of the period in the zone, epoch ms. */
export function usagePeriodSpan(period: string, timezone: string): { from: number; to: number } {
  return periodSpan(period, timezone);
}

/** The instant the period closes: its end in the zone plus the grace. */
export function usagePeriodClosesAt(period: string, timezone: string): number {
  return usagePeriodSpan(period, timezone).to + USAGE_GRACE_MS;
}

export function isUsagePeriodClosed(period: string, timezone: string, nowMs: number): boolean {
  return usagePeriodClosesAt(period, timezone) <= nowMs;
}
