"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, inputClass } from "@/components/ui/form-field";
import type { FieldErrors } from "@/components/debt/form-values";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import { minorToDecimal, minorUnitDigits } from "@/server/domain/currency";
import { parseMajorAmount } from "@/server/domain/engagement-plan";
import { bpAsPercentText, parsePercentBp } from "./chart-data";

export interface RoiSettingsProps {
  discountRateBp: number;
  horizonMonths: number;
  seed: number;
  draws: number;
  dayRateMinor: number | null;
}

const wholeNumber = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** The model's assumptions: discount rate, horizon, the simulation's seed and draws, the day rate. */
export function RoiSettingsForm({
  engagementId,
  currency,
  settings,
}: {
  engagementId: string;
  currency: string;
  settings: RoiSettingsProps;
}) {
  const t = useTranslations("roi.settings");
  const trpc = useTRPC();
  const digits = minorUnitDigits(currency);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { problems, result, handlers } = useRefreshingAction();
  const save = useMutation(trpc.roi.updateSettings.mutationOptions(handlers));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const found: FieldErrors = {};
    const read = <T,>(name: string, value: T | null, message: string): T | null => {
      if (value === null) found[name] = [message];
      return value;
    };
    const discountRateBp = read("discountRate", parsePercentBp(text("discountRate")), t("badPercent"));
    const horizonMonths = read("horizonMonths", wholeNumber(text("horizonMonths")), t("badWhole"));
    const seed = read("seed", wholeNumber(text("seed")), t("badWhole"));
    const draws = read("draws", wholeNumber(text("draws")), t("badWhole"));
    const dayRateMinor =
      text("dayRate") === ""
        ? null
        : read("dayRate", parseMajorAmount(text("dayRate"), digits), t("badAmount", { digits }));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({
      engagementId,
      discountRateBp: discountRateBp!,
      horizonMonths: horizonMonths!,
      seed: seed!,
      draws: draws!,
      dayRateMinor,
    });
  }

  const field = (name: string, label: string, value: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(props) => <input {...props} inputMode="decimal" defaultValue={value} className={inputClass} />}
    </Field>
  );
  return (
    <form onSubmit={onSubmit} aria-label={t("title")} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {field("discountRate", t("discountRate"), bpAsPercentText(settings.discountRateBp), t("discountRateHint"))}
        {field("horizonMonths", t("horizonMonths"), String(settings.horizonMonths))}
        {field("seed", t("seed"), String(settings.seed), t("seedHint"))}
        {field("draws", t("draws"), String(settings.draws))}
        {field(
          "dayRate",
          t("dayRate", { currency }),
          settings.dayRateMinor === null ? "" : minorToDecimal(settings.dayRateMinor, digits),
          t("dayRateHint"),
        )}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {t("save")}
        </Button>
        {result !== null && <p role="status">{t("saved")}</p>}
      </div>
      <Problems problems={problems} />
    </form>
  );
}
