"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, type FormEvent } from "react";
import { inputClass } from "@/components/ui/form-field";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import { formatMoney } from "@/server/domain/currency";
import type { RoiMilestoneInput } from "@/server/domain/roi/inputs";
import { monthKeyAt } from "./chart-data";

/** One milestone's fee month: its invoice decides once invoiced; until then the planned month (or month 0). */
function MilestoneMonth({
  milestone,
  currency,
  startMonth,
}: {
  milestone: RoiMilestoneInput;
  currency: string;
  startMonth: string;
}) {
  const t = useTranslations("roi.milestones");
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const { problems, result, handlers } = useRefreshingAction();
  const plan = useMutation(trpc.roi.planMilestone.mutationOptions(handlers));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const month = String(new FormData(event.currentTarget).get("month") ?? "").trim();
    plan.mutate({ milestoneId: milestone.id, month: month === "" ? null : month });
  }
  const key = monthKeyAt(startMonth, milestone.month);
  return (
    <li className="py-2" data-milestone={milestone.id}>
      <form
        onSubmit={onSubmit}
        aria-label={t("formLabel", { title: milestone.title })}
        className="flex flex-wrap items-end gap-3 text-sm"
      >
        <div className="min-w-48 flex-1">
          <p className="font-medium">{milestone.title}</p>
          <p className="text-xs text-slate-600">
            {formatMoney(milestone.amountMinor, currency, locale)} ·{" "}
            {t(`basis.${milestone.basis}`, { month: milestone.month, key })}
          </p>
        </div>
        {milestone.basis !== "invoiced" && (
          <>
            <div>
              <label htmlFor={id} className="text-xs font-medium">
                {t("plannedMonth")}
                <span className="sr-only">: {milestone.title}</span>
              </label>
              <input
                id={id}
                name="month"
                type="month"
                defaultValue={milestone.basis === "planned" ? key : ""}
                className={inputClass}
              />
            </div>
            <Button type="submit" variant="secondary" disabled={plan.isPending}>
              {t("save")}
            </Button>
            {result !== null && <span role="status">{t("saved")}</span>}
          </>
        )}
      </form>
      <Problems problems={problems} />
    </li>
  );
}

export function MilestoneMonths({
  milestones,
  currency,
  startMonth,
}: {
  milestones: RoiMilestoneInput[];
  currency: string;
  startMonth: string;
}) {
  const t = useTranslations("roi.milestones");
  if (milestones.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {milestones.map((milestone) => (
        <MilestoneMonth key={milestone.id} milestone={milestone} currency={currency} startMonth={startMonth} />
      ))}
    </ul>
  );
}
