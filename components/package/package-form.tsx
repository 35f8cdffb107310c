"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent, type SetStateAction } from "react";
import { MilestoneListEditor, type DraftMilestone } from "@/components/engagement-plan/milestone-list-editor";
import { Problems } from "@/components/problems";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass, type FieldErrors } from "@/components/ui/form-field";
import type { AppRouter } from "@/server/api/root";
import { minorUnitDigits, SUPPORTED_CURRENCIES, type Currency } from "@/server/domain/currency";
import { parseMajorAmount } from "@/server/domain/engagement-plan";
import { SERVICE_BUSINESSES, SERVICE_TIERS } from "@/server/domain/proposal/package";
import {
  fieldsFromDraft,
  pricingFromDraft,
  serverErrors,
  unplacedProblems,
  type PackageDraft,
  type RateLineDraft,
} from "./form-values";
import { PackageClauses } from "./package-clauses";
import { PricePreview } from "./price-preview";
import { RateCardEditor } from "./rate-card-editor";

/** Problems the form shows at a field of its own; the rest are listed under the save button. */
const placedAt = (path: string) =>
  /^(name|description|business|tier|currency|pricing\.(amountMinor|baseMinor|rateCard(\.\d+\.\w+)?)|milestones(\.\d+\.\w+)?|slaClauses\.\d+.*)$/.test(
    path,
  );

/** Creates a package, or (with `editing`) writes new fields for one on the revision it was loaded at. */
export function PackageForm({
  initial,
  editing,
}: {
  initial: PackageDraft;
  editing?: { packageId: string; revision: number };
}) {
  const t = useTranslations("packages.form");
  const words = useTranslations("packages");
  const trpc = useTRPC();
  const router = useRouter();
  const formId = useId();
  const [draft, setDraft] = useState<PackageDraft>(initial);
  const [revision, setRevision] = useState(editing?.revision ?? 1);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const badAmount = t("badAmount", { digits: minorUnitDigits(draft.currency) });

  const set = <K extends keyof PackageDraft>(key: K, value: PackageDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const setList =
    <K extends "milestones" | "rateCard">(key: K) =>
    (update: SetStateAction<PackageDraft[K]>) =>
      setDraft((current) => ({
        ...current,
        [key]:
          typeof update === "function" ? (update as (list: PackageDraft[K]) => PackageDraft[K])(current[key]) : update,
      }));

  const onError = (error: unknown) => {
    const data = error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data : null;
    const reasons =
      data?.refusal?.reasons ?? (data?.zodError ? [] : [error instanceof Error ? error.message : String(error)]);
    setErrors(serverErrors(data?.zodError ?? null, reasons));
  };
  const create = useMutation(
    trpc.servicePackage.create.mutationOptions({
      onSuccess: (created) => router.push(`/packages/${created.id}`),
      onError,
    }),
  );
  const edit = useMutation(
    trpc.servicePackage.edit.mutationOptions({
      onSuccess: (written) => {
        setRevision(written.revision);
        setSaved(t("saved", { revision: written.revision }));
        router.refresh();
      },
      onError,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const read = fieldsFromDraft(draft, badAmount);
    if ("errors" in read) return setErrors(read.errors);
    setErrors({});
    const fields = read.fields;
    if (editing) edit.mutate({ packageId: editing.packageId, revision, fields });
    else create.mutate({ fields });
  }

  const preview = pricingFromDraft(draft, badAmount);
  const text = (name: "name" | "description", label: string, area = false) => (
    <Field name={name} label={label} errors={errors}>
      {(props) =>
        area ? (
          <textarea
            {...props}
            rows={2}
            className={inputClass}
            value={draft[name]}
            onChange={(e) => set(name, e.target.value)}
          />
        ) : (
          <input {...props} className={inputClass} value={draft[name]} onChange={(e) => set(name, e.target.value)} />
        )
      }
    </Field>
  );
  const money = (name: "amountText" | "baseText", path: string, label: string) => (
    <Field name={path} label={`${label} (${draft.currency})`} errors={errors}>
      {(props) => (
        <input
          {...props}
          className={inputClass}
          inputMode="decimal"
          value={draft[name]}
          onChange={(e) => set(name, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <div className="space-y-6">
      <form id={formId} onSubmit={submit} noValidate className="space-y-6" aria-label={t("formLabel")}>
        <Card className="grid gap-4 p-4 sm:grid-cols-2">
          {text("name", t("name"))}
          <Field name="currency" label={t("currency")} errors={errors}>
            {(props) => (
              <select
                {...props}
                className={inputClass}
                value={draft.currency}
                onChange={(e) => set("currency", e.target.value as Currency)}
              >
                {SUPPORTED_CURRENCIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            )}
          </Field>
          <Field name="business" label={t("business")} errors={errors}>
            {(props) => (
              <select
                {...props}
                className={inputClass}
                value={draft.business}
                onChange={(e) => set("business", e.target.value as PackageDraft["business"])}
              >
                {SERVICE_BUSINESSES.map((b) => (
                  <option key={b} value={b}>
                    {words(`business.${b}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="tier" label={t("tier")} errors={errors}>
            {(props) => (
              <select
                {...props}
                className={inputClass}
                value={draft.tier}
                onChange={(e) => set("tier", e.target.value as PackageDraft["tier"])}
              >
                {SERVICE_TIERS.map((tier) => (
                  <option key={tier} value={tier}>
                    {words(`tier.${tier}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="sm:col-span-2">{text("description", t("description"), true)}</div>
        </Card>

        <section aria-labelledby={`${formId}-pricing`} className="space-y-3">
          <h2 id={`${formId}-pricing`} className="text-lg font-semibold">
            {t("pricing")}
          </h2>
          <Card className="grid gap-4 p-4 lg:grid-cols-[1fr_20rem]">
            <div className="space-y-3">
              <fieldset className="flex gap-4 text-sm">
                <legend className="sr-only">{t("pricing")}</legend>
                {(["fixed", "formula"] as const).map((type) => (
                  <label key={type} className="flex items-center gap-2">
                    <input
                      type="radio"
                      name="pricingType"
                      value={type}
                      checked={draft.pricingType === type}
                      onChange={() => set("pricingType", type)}
                    />
                    {t(type === "fixed" ? "pricingFixed" : "pricingFormula")}
                  </label>
                ))}
              </fieldset>
              {draft.pricingType === "fixed" ? (
                money("amountText", "pricing.amountMinor", t("amount"))
              ) : (
                <>
                  {money("baseText", "pricing.baseMinor", t("base"))}
                  <RateCardEditor
                    lines={draft.rateCard}
                    onChange={setList("rateCard") as (update: SetStateAction<RateLineDraft[]>) => void}
                    errors={errors}
                    currency={draft.currency}
                  />
                </>
              )}
            </div>
            <PricePreview
              rule={preview.rule}
              ruleReadable={Object.keys(preview.errors).length === 0}
              currency={draft.currency}
              milestones={draft.milestones.map((m) => ({
                key: m.uid,
                title: m.title,
                shareBp: parseMajorAmount(m.shareText, 2),
              }))}
            />
          </Card>
        </section>

        <MilestoneListEditor
          milestones={draft.milestones}
          onChange={setList("milestones") as (update: SetStateAction<DraftMilestone[]>) => void}
          errors={errors}
        />
      </form>

      <section aria-labelledby={`${formId}-clauses`} className="space-y-3">
        <h2 id={`${formId}-clauses`} className="text-lg font-semibold">
          {t("slaClauses")}
        </h2>
        <PackageClauses
          clauses={draft.slaClauses}
          onChange={(clauses) => set("slaClauses", clauses)}
          currency={draft.currency}
          errors={errors}
        />
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" form={formId} disabled={create.isPending || edit.isPending}>
          {editing ? t("save") : t("create")}
        </Button>
        {saved && <p role="status">{saved}</p>}
      </div>
      <Problems problems={unplacedProblems(errors, placedAt)} title={t("problemsTitle")} />
    </div>
  );
}
