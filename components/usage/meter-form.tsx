"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { requestErrors } from "@/components/refusal";
import { Button } from "@/components/ui/button";
import { Field, inputClass, type FieldErrors } from "@/components/ui/form-field";
import { PER_QUANTITY_CHOICES } from "@/server/domain/usage/meter";

// Adds a meter: name, unit, the zone its months are counted in, the free quantity and graduated
// tiers (each: up to a billable quantity, or no end for the last; a price in minor units per a
// quantity). The server checks the terms; each of its problems lands on its field.

interface TierDraft {
  key: number;
}

/** The form field an issue of `meter.…` belongs to ("tiers.1.upTo", "freeQuantity"…). */
export function meterFieldOf(path: string): string {
  const [root, ...rest] = path.split(".");
  if (root !== "meter" || rest.length === 0) return "form";
  if (rest[0] === "tiers" && rest.length === 1) return "tiers";
  return rest.join(".");
}

/** A number as typed; an empty field is left for the server to name (an empty "up to" means no end). */
const numberOf = (value: FormDataEntryValue | null) => (value === null || value === "" ? Number.NaN : Number(value));

export function MeterForm({ engagementId, currency }: { engagementId: string; currency: string }) {
  const t = useTranslations("usage.page.form");
  const trpc = useTRPC();
  const router = useRouter();
  const [tiers, setTiers] = useState<TierDraft[]>([{ key: 0 }, { key: 1 }]);
  const [nextKey, setNextKey] = useState(2);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const create = useMutation(
    trpc.usage.meter.create.mutationOptions({
      onSuccess: (meter) => {
        setErrors({});
        setProblems([]);
        setSaved(t("saved", { meter: meter.meter }));
        router.refresh();
      },
      onError: (error) => {
        const { fields, problems } = requestErrors(error, meterFieldOf);
        setErrors(fields);
        setProblems(problems);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    create.mutate({
      engagementId,
      meter: {
        meter: text("meter"),
        unit: text("unit"),
        period: "month",
        timezone: text("timezone"),
        freeQuantity: numberOf(form.get("freeQuantity")),
        tiers: tiers.map((_, index) => ({
          upTo: text(`tiers.${index}.upTo`) === "" ? null : numberOf(form.get(`tiers.${index}.upTo`)),
          priceMinor: numberOf(form.get(`tiers.${index}.priceMinor`)),
          perQuantity: numberOf(form.get(`tiers.${index}.perQuantity`)),
        })),
      },
    });
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("title")} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="meter" label={t("meter")} hint={t("meterHint")} errors={errors}>
          {(props) => <input {...props} className={inputClass} autoComplete="off" />}
        </Field>
        <Field name="unit" label={t("unit")} hint={t("unitHint")} errors={errors}>
          {(props) => <input {...props} className={inputClass} autoComplete="off" />}
        </Field>
        <Field name="timezone" label={t("timezone")} hint={t("timezoneHint")} errors={errors}>
          {(props) => <input {...props} className={inputClass} defaultValue="UTC" autoComplete="off" />}
        </Field>
        <Field name="freeQuantity" label={t("freeQuantity")} hint={t("freeQuantityHint")} errors={errors}>
          {(props) => <input {...props} className={inputClass} inputMode="numeric" defaultValue="0" />}
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("tiers")}</legend>
        <p className="text-xs text-slate-500">{t("tiersHint", { currency })}</p>
        {errors.tiers && (
          <p className="text-xs text-red-700" data-field-error="tiers">
            {errors.tiers.join("; ")}
          </p>
        )}
        {tiers.map((tier, index) => (
          <div key={tier.key} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_1fr_auto]" data-tier={index + 1}>
            <Field name={`tiers.${index}.upTo`} label={t("upTo", { n: index + 1 })} errors={errors}>
              {(props) => <input {...props} className={inputClass} inputMode="numeric" placeholder={t("noEnd")} />}
            </Field>
            <Field
              name={`tiers.${index}.priceMinor`}
              label={t("priceMinor", { n: index + 1, currency })}
              errors={errors}
            >
              {(props) => <input {...props} className={inputClass} inputMode="decimal" />}
            </Field>
            <Field name={`tiers.${index}.perQuantity`} label={t("perQuantity", { n: index + 1 })} errors={errors}>
              {(props) => (
                <select {...props} className={inputClass} defaultValue="1">
                  {PER_QUANTITY_CHOICES.map((choice) => (
                    <option key={choice} value={choice}>
                      {choice.toLocaleString("en")}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Button
              type="button"
              variant="ghost"
              disabled={tiers.length === 1}
              onClick={() => setTiers(tiers.filter((other) => other.key !== tier.key))}
            >
              {t("removeTier", { n: index + 1 })}
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setTiers([...tiers, { key: nextKey }]);
            setNextKey(nextKey + 1);
          }}
        >
          {t("addTier")}
        </Button>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={create.isPending}>
          {t("add")}
        </Button>
        {saved && <p role="status">{saved}</p>}
      </div>
      <Problems problems={problems} />
    </form>
  );
}
