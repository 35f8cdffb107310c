import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ActionItemOut } from "@/server/api/routers/sla/sla.schema";

/** The engagement's action items raised by SLA triggers; `close` renders the consultant's button. */
export function ActionItemList({
  items,
  close,
}: {
  items: ActionItemOut[];
  close?: (item: ActionItemOut) => ReactNode;
}) {
  const t = useTranslations("sla.actionItems");
  const locale = useLocale();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label={t("title")}>
      {items.map((item) => (
        <li key={item.id} data-action-item={item.title} data-status={item.status} className="flex flex-wrap gap-2 py-2">
          <span className="font-medium">{item.title}</span>
          {item.clauseTitle && <span className="text-slate-600">{item.clauseTitle}</span>}
          {item.episodeFrom && (
            <span className="text-slate-600">
              {when.format(Date.parse(item.episodeFrom))}
              {item.episodeTo && ` – ${when.format(Date.parse(item.episodeTo))}`} UTC
            </span>
          )}
          <span className="text-xs text-slate-500">{t(`status.${item.status}`)}</span>
          {item.status === "open" && close && <span className="ml-auto">{close(item)}</span>}
        </li>
      ))}
    </ul>
  );
}
