import type { SlaPeriodKind } from "@/server/domain/sla/terms";

// Period keys as the SLA pages page through them: YYYY-MM, YYYY-Qn, YYYY. Keys are calendar labels;
// which instants a key covers is the clause's time zone's business (server/domain/sla).

export function periodKindOf(key: string): SlaPeriodKind {
  if (/^\d{4}-Q[1-4]$/.test(key)) return "quarter";
  if (/^\d{4}-\d{2}$/.test(key)) return "month";
  return "year";
}

/** The period of the given kind that holds the date (its calendar in UTC). */
export function periodKeyAt(kind: SlaPeriodKind, date: Date): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (kind === "year") return String(year);
  if (kind === "quarter") return `${year}-Q${Math.floor(month / 3) + 1}`;
  return `${year}-${String(month + 1).padStart(2, "0")}`;
}

/** The first day of the period, as a UTC date. */
function startOf(key: string): Date {
  const kind = periodKindOf(key);
  const year = Number(key.slice(0, 4));
  if (kind === "year") return new Date(Date.UTC(year, 0, 1));
  if (kind === "quarter") return new Date(Date.UTC(year, (Number(key.slice(6)) - 1) * 3, 1));
  return new Date(Date.UTC(year, Number(key.slice(5)) - 1, 1));
}

/** The period `steps` periods of the same kind after (or, negative, before) this one. */
export function shiftPeriod(key: string, steps: number): string {
  const kind = periodKindOf(key);
  const start = startOf(key);
  const months = kind === "year" ? 12 : kind === "quarter" ? 3 : 1;
  return periodKeyAt(kind, new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + steps * months, 1)));
}

/** The period of another kind that holds this one's first day (month 2026-11 -> quarter 2026-Q4). */
export function convertPeriod(key: string, kind: SlaPeriodKind): string {
  return periodKeyAt(kind, startOf(key));
}

const PERIOD_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$/;

/** The period named in the page's query, or the current month. */
export function periodFromQuery(value: string | string[] | undefined, now: Date = new Date()): string {
  return typeof value === "string" && PERIOD_PATTERN.test(value) ? value : periodKeyAt("month", now);
}
