"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import { formatMoney } from "@/server/domain/currency";
import type { DebtItemView } from "@/server/domain/debt/item";
import { DebtForm, type DebtLinkChoices } from "./debt-form";
import { rangeText } from "./register-rows";

/** The saved versions of an item, newest first, read when opened. */
function DebtHistory({ item, currency }: { item: DebtItemView; currency: string }) {
  const t = useTranslations("debt.history");
  const words = useTranslations("debt");
  const locale = useLocale();
  const trpc = useTRPC();
  const revisions = useQuery(trpc.debt.revisions.queryOptions({ debtItemId: item.id }));
  if (!revisions.data) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const newestFirst = [...revisions.data].sort((a, b) => b.revision - a.revision);
  return (
    <ol className="space-y-2 text-sm" aria-label={t("title", { title: item.title })}>
      {newestFirst.map(({ revision, fields, actorName, at }) => (
        <li key={revision} data-revision={revision}>
          <p className="font-medium">
            {t("revision", { revision, at: at.slice(0, 16).replace("T", " "), by: actorName ?? t("system") })}
          </p>
          <p className="text-slate-700">
            {fields.title} · {words(`impact.${fields.impact}`)} · {rangeText(fields.costPerQuarterMinor, money)}{" "}
            {t("perQuarter")} · {rangeText(fields.fixDays, (days) => number.format(days))} {t("days")} ·{" "}
            {words(`status.${fields.status}`)}
            {fields.scheduledMonth ? ` ${fields.scheduledMonth}` : ""}
            {fields.fixedOn ? ` ${fields.fixedOn}` : ""}
            {fields.plAccount ? ` · ${fields.plAccount}` : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Edit, history and delete (after a confirmation) of one debt item. */
export function DebtItemActions({
  engagementId,
  currency,
  item,
  choices,
}: {
  engagementId: string;
  currency: string;
  item: DebtItemView;
  choices: DebtLinkChoices;
}) {
  const t = useTranslations("debt.actions");
  const trpc = useTRPC();
  const [open, setOpen] = useState<"edit" | "history" | "delete" | null>(null);
  const { problems, handlers } = useRefreshingAction();
  const remove = useMutation(trpc.debt.delete.mutationOptions(handlers));
  const toggle = (what: "edit" | "history" | "delete") => setOpen(open === what ? null : what);
  const button = (what: "edit" | "history" | "delete") => (
    <Button
      type="button"
      variant="secondary"
      className="px-2 py-1 text-xs"
      aria-label={t(`${what}Label`, { title: item.title })}
      aria-expanded={open === what}
      onClick={() => toggle(what)}
    >
      {t(what)}
    </Button>
  );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-1">
        {button("edit")}
        {button("history")}
        {button("delete")}
      </div>
      {open === "edit" && (
        <div className="min-w-[36rem]">
          <DebtForm
            engagementId={engagementId}
            currency={currency}
            choices={choices}
            item={item}
            onDone={() => setOpen(null)}
          />
        </div>
      )}
      {open === "history" && <DebtHistory item={item} currency={currency} />}
      {open === "delete" && (
        <div role="group" aria-label={t("deleteLabel", { title: item.title })} className="space-y-2 text-sm">
          <p>{t("deleteConfirm", { title: item.title })}</p>
          <div className="flex gap-2">
            <Button type="button" onClick={() => remove.mutate({ debtItemId: item.id })} disabled={remove.isPending}>
              {t("deleteYes")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(null)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
      <Problems problems={problems} />
    </div>
  );
}
