import { DateTime, IANAZone } from "luxon";
import type { Span } from "./report";
import type { SlaPeriodKind } from "./terms";

// Reporting periods are calendar months, quarters and years in the clause's IANA time zone. A
// period is the half-open interval [its local start, the next period's local start), so a month
// with a daylight-saving change lasts 743 or 745 hours and consecutive periods tile time exactly.

export class PeriodKeyError extends Error {
  constructor(readonly key: string) {
    super(`"${key}" is not a period: write YYYY-MM (a month), YYYY-Qn (a quarter, n = 1..4) or YYYY (a year)`);
    this.name = "PeriodKeyError";
  }
}

export interface PeriodKey {
  kind: SlaPeriodKind;
  key: string;
}

interface PeriodParts {
  kind: SlaPeriodKind;
  year: number;
  /** the first month of the period, 1..12 */
  month: number;
}

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const MONTHS_IN: Record<SlaPeriodKind, number> = { month: 1, quarter: 3, year: 12 };

function partsOf(key: string): PeriodParts {
  const match = /^(\d{4})(?:-(?:(\d{2})|Q(\d)))?$/.exec(key);
  const year = Number(match?.[1]);
  if (!match || year < MIN_YEAR) throw new PeriodKeyError(key);
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) throw new PeriodKeyError(key);
    return { kind: "month", year, month };
  }
  if (match[3] !== undefined) {
    const quarter = Number(match[3]);
    if (quarter < 1 || quarter > 4) throw new PeriodKeyError(key);
    return { kind: "quarter", year, month: (quarter - 1) * 3 + 1 };
  }
  return { kind: "year", year, month: 1 };
}

function keyOf({ kind, year, month }: PeriodParts): string {
  if (year < MIN_YEAR || year > MAX_YEAR) throw new PeriodKeyError(String(year));
  if (kind === "year") return String(year);
  if (kind === "quarter") return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Moves a period by `steps` periods of its kind. */
function shifted(parts: PeriodParts, steps: number): PeriodParts {
  const monthIndex = parts.year * 12 + (parts.month - 1) + steps * MONTHS_IN[parts.kind];
  return { kind: parts.kind, year: Math.floor(monthIndex / 12), month: (monthIndex % 12) + 1 };
}

// validating a zone costs about half a millisecond; a batch of events asks for the same few zones
const ZONES = new Map<string, IANAZone>();

function checkedZone(timezone: string): IANAZone {
  const known = ZONES.get(timezone);
  if (known) return known;
  if (!IANAZone.isValidZone(timezone)) throw new RangeError(`"${timezone}" is not an IANA time zone`);
  const zone = IANAZone.create(timezone);
  if (ZONES.size < 1_000) ZONES.set(timezone, zone);
  return zone;
}

function localStart({ year, month }: PeriodParts, zone: IANAZone): number {
  return DateTime.fromObject({ year, month, day: 1 }, { zone }).toMillis();
}

/** `YYYY-MM`, `YYYY-Qn` or `YYYY`; anything else throws PeriodKeyError. */
export function parsePeriodKey(key: string): PeriodKey {
  const parts = partsOf(key);
  return { kind: parts.kind, key: keyOf(parts) };
}

/** [start of the period in the zone, start of the next period in the zone), epoch ms. */
export function periodSpan(key: string, timezone: string): Span {
  const parts = partsOf(key);
  const zone = checkedZone(timezone);
  return { from: localStart(parts, zone), to: localStart(shifted(parts, 1), zone) };
}

/** The key of the period of `kind` that holds the instant, in the zone. */
export function periodKeyOf(kind: SlaPeriodKind, instantMs: number, timezone: string): string {
  const local = DateTime.fromMillis(instantMs, { zone: checkedZone(timezone) });
  return keyOf({ kind, year: local.year, month: local.month });
}

export function previousPeriodKey(key: string): string {
  return keyOf(shifted(partsOf(key), -1));
}

export function nextPeriodKey(key: string): string {
  return keyOf(shifted(partsOf(key), 1));
}

/** A period is closed once it has ended: its end is at or before now. */
export function isClosed(key: string, timezone: string, nowMs: number): boolean {
  return periodSpan(key, timezone).to <= nowMs;
}
