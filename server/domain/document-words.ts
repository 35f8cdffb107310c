import en from "../i18n/messages/en.json";
import zhCN from "../i18n/messages/zh-CN.json";
import type { Locale } from "./locale";

// The words printed on documents (invoices, credit notes, approval logs, benchmark reports, ADR
// exports) live in the message catalogs beside the UI's, under "documents", so one parity test
// covers both. The catalogs are data, not code: this is the one place the pure core reads them.

type Documents = typeof en.documents;
const DOCUMENTS: Record<Locale, Documents> = { en: en.documents, "zh-CN": zhCN.documents };

export type DocumentWords<K extends keyof Documents> = Documents[K];

export function documentWords<K extends keyof Documents>(locale: Locale, document: K): Documents[K] {
  return DOCUMENTS[locale][document];
}

/** A catalog text with its `{name}` placeholders filled in. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
