import { documentWords } from "../document-words";
import type { Locale } from "../locale";
import type { HealthCheckView, HealthStatus } from "./items";

// The one-page health check for the meeting: the base URL, when it was checked, and a row per
// item (what was checked, its status, the HTTP status, what was seen and the advice), words in the
// reader's language. The advice arrives already worded (the same text the REST answer gives).

export interface HealthCheckDocumentRow {
  check: string;
  status: HealthStatus;
  statusLabel: string;
  httpStatus: string;
  detail: string;
  advice: string;
}

export interface HealthCheckDocument {
  locale: Locale;
  title: string;
  facts: { label: string; value: string }[];
  columns: { check: string; status: string; httpStatus: string; detail: string; advice: string };
  rows: HealthCheckDocumentRow[];
  note: string;
}

// a base URL may be up to 2,000 characters: the page keeps its first line's worth or so
const capped = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);
const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export function healthCheckDocument(
  check: HealthCheckView & { engagement: string },
  locale: Locale,
): HealthCheckDocument {
  const words = documentWords(locale, "healthCheck");
  return {
    locale,
    title: words.title,
    facts: [
      { label: words.engagement, value: capped(check.engagement) },
      { label: words.baseUrl, value: capped(check.baseUrl) },
      { label: words.at, value: utc(check.at) },
    ],
    columns: { ...words.columns },
    rows: check.items.map((item) => ({
      check: words.checks[item.check],
      status: item.status,
      statusLabel: words.statuses[item.status],
      httpStatus: item.httpStatus === null ? "—" : String(item.httpStatus),
      detail: item.detail,
      advice: item.advice,
    })),
    note: words.note,
  };
}
