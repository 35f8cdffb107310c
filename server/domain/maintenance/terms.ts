import { addDays } from "../invoice";

// The calendar of a maintenance contract. Term n (1-based) runs from the start moved by
// (n - 1) x termMonths months to the day before term n + 1 starts (a start on the 31st moves to
// the month's last day). The notice date of a term is noticeDays before the next term starts:
// notice is accepted on days before it; on it the renewal is drafted (ADR 0018). Dates are
// YYYY-MM-DD, compared as strings.

export interface TermSpan {
  index: number;
  from: string;
  /** the term's last day */
  to: string;
}

function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

export function termSpan(startsOn: string, termMonths: number, index: number): TermSpan {
  if (!Number.isInteger(index) || index < 1) throw new RangeError("terms are numbered from 1");
  const from = addMonths(startsOn, (index - 1) * termMonths);
  const nextFrom = addMonths(startsOn, index * termMonths);
  return { index, from, to: addDays(nextFrom, -1) };
}

/** The first day of the notice period before the term after `termTo`: notice must come before it. */
export function noticeDate(termTo: string, noticeDays: number): string {
  return addDays(addDays(termTo, 1), -noticeDays);
}

export interface ContractCalendar {
  startsOn: string;
  termMonths: number;
  noticeDays: number;
  autoRenew: boolean;
  /** the client gave notice: no term after the latest one */
  noticeGiven: boolean;
}

/** The term after the latest one, when it is due to be drafted today; null when not (yet). */
export function renewalDue(contract: ContractCalendar, latestIndex: number, today: string): TermSpan | null {
  if (!contract.autoRenew || contract.noticeGiven) return null;
  const latest = termSpan(contract.startsOn, contract.termMonths, latestIndex);
  if (today < noticeDate(latest.to, contract.noticeDays)) return null;
  return termSpan(contract.startsOn, contract.termMonths, latestIndex + 1);
}

/** The renewal to come: the next term's first day and its notice date; null when none will come. */
export function nextRenewal(
  contract: ContractCalendar,
  latestIndex: number,
): { date: string; noticeDate: string; index: number } | null {
  if (!contract.autoRenew || contract.noticeGiven) return null;
  const latest = termSpan(contract.startsOn, contract.termMonths, latestIndex);
  return {
    date: addDays(latest.to, 1),
    noticeDate: noticeDate(latest.to, contract.noticeDays),
    index: latestIndex + 1,
  };
}

export type NoticeDecision = { ok: true; endsOn: string } | { ok: false; reasons: string[] };

/** May the client give notice today? Only before the latest term's notice date, and only once. */
export function decideNotice(
  contract: ContractCalendar & { noticeGivenOn: string | null },
  latestIndex: number,
  today: string,
): NoticeDecision {
  if (contract.noticeGiven)
    return {
      ok: false,
      reasons: [`notice was already given${contract.noticeGivenOn ? ` on ${contract.noticeGivenOn}` : ""}`],
    };
  const latest = termSpan(contract.startsOn, contract.termMonths, latestIndex);
  if (!contract.autoRenew) return { ok: false, reasons: [`the contract does not renew: it ends on ${latest.to}`] };
  const deadline = noticeDate(latest.to, contract.noticeDays);
  if (today >= deadline)
    return {
      ok: false,
      reasons: [`notice had to be given before ${deadline}; the contract renews on ${addDays(latest.to, 1)}`],
    };
  return { ok: true, endsOn: latest.to };
}
