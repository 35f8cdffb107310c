"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import { minorToDecimal, minorUnitDigits } from "@/server/domain/currency";
import { parseMajorAmount } from "@/server/domain/engagement-plan";
import { inputClass } from "@/components/ui/form-field";

/** The engagement's day rate, which prices every fix; empty clears it (fix costs become unknown). */
export function DayRateForm({
  engagementId,
  currency,
  dayRateMinor,
}: {
  engagementId: string;
  currency: string;
  dayRateMinor: number | null;
}) {
  const t = useTranslations("debt.dayRate");
  const trpc = useTRPC();
  const id = useId();
  const digits = minorUnitDigits(currency);
  const [local, setLocal] = useState<string[]>([]);
  const { problems, result, handlers } = useRefreshingAction();
  const save = useMutation(trpc.roi.updateSettings.mutationOptions(handlers));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("dayRate") ?? "").trim();
    const minor = text === "" ? null : parseMajorAmount(text, digits);
    if (text !== "" && minor === null) return setLocal([t("badAmount", { digits })]);
    setLocal([]);
    save.mutate({ engagementId, dayRateMinor: minor });
  }
  return (
    <form onSubmit={onSubmit} aria-label={t("title")} className="flex flex-wrap items-end gap-3 text-sm" noValidate>
      <div>
        <label htmlFor={id} className="font-medium">
          {t("label", { currency })}
        </label>
        <input
          id={id}
          name="dayRate"
          inputMode="decimal"
          defaultValue={dayRateMinor === null ? "" : minorToDecimal(dayRateMinor, digits)}
          className={inputClass}
        />
      </div>
      <Button type="submit" disabled={save.isPending}>
        {t("save")}
      </Button>
      {result !== null && <p role="status">{t("saved")}</p>}
      <p className="w-full text-xs text-slate-500">{dayRateMinor === null ? t("unset") : t("hint")}</p>
      <Problems problems={[...local, ...problems]} />
    </form>
  );
}
