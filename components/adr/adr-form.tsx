"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import type { AdrDraft } from "@/server/domain/adr/draft";
import type { AdrPl, AdrPlFields } from "@/server/domain/adr/pl";
import { Button } from "../ui/button";
import { AdrPlFieldset, plFieldsFromForm } from "./adr-pl-fields";

// The ADR editor: the same fields for recording, editing and superseding. Lists are typed one
// item per line; the server validates everything again and answers with reasons.

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

interface OptionRow {
  key: number;
  title: string;
  pros: string;
  cons: string;
}

const names = (text: string) =>
  text
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);

export const EMPTY_DRAFT: AdrDraft = {
  title: "",
  date: null,
  deciders: [],
  consulted: [],
  informed: [],
  context: "",
  decisionDrivers: [],
  consideredOptions: [],
  decisionOutcome: "",
  consequences: "",
  validation: "",
};

export function AdrForm({
  initial,
  submitLabel,
  pending,
  onSubmit,
  children,
  label,
  pl,
}: {
  initial: AdrDraft;
  submitLabel: string;
  pending: boolean;
  onSubmit: (draft: AdrDraft, pl: AdrPlFields) => void;
  children?: ReactNode;
  label: string;
  /** the P&L label's fields, shown when given */
  pl?: { initial: AdrPl | null; currency: string };
}) {
  const t = useTranslations("adrs");
  const dateHelp = useId();
  const [plProblem, setPlProblem] = useState(false);
  const [options, setOptions] = useState<OptionRow[]>(() =>
    initial.consideredOptions.map((o, key) => ({
      key,
      title: o.title,
      pros: o.pros.join("\n"),
      cons: o.cons.join("\n"),
    })),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? "");
    const plFields = pl ? plFieldsFromForm(form, pl.currency) : {};
    setPlProblem(plFields === null);
    if (plFields === null) return;
    onSubmit(
      {
        title: field("title"),
        // an empty date is an unknown one
        date: field("date") || null,
        deciders: names(field("deciders")),
        consulted: names(field("consulted")),
        informed: names(field("informed")),
        context: field("context"),
        decisionDrivers: lines(field("decisionDrivers")),
        consideredOptions: options
          .filter((o) => o.title.trim() !== "")
          .map((o) => ({ title: o.title.trim(), pros: lines(o.pros), cons: lines(o.cons) })),
        decisionOutcome: field("decisionOutcome"),
        consequences: field("consequences"),
        validation: field("validation"),
      },
      plFields,
    );
  }

  const update = (key: number, change: Partial<OptionRow>) =>
    setOptions((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const textArea = (name: keyof AdrDraft, labelKey: string, value: string, rows = 4) => (
    <label className="block">
      {t(labelKey)}
      <textarea name={name} defaultValue={value} rows={rows} maxLength={20_000} className={input} />
    </label>
  );

  return (
    <form onSubmit={submit} className="space-y-3 text-sm" aria-label={label}>
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <label className="block">
          {t("fields.title")}
          <input name="title" defaultValue={initial.title} required maxLength={200} className={input} />
        </label>
        <div>
          <label className="block">
            {t("fields.date")}
            <input
              name="date"
              type="date"
              defaultValue={initial.date ?? ""}
              aria-describedby={dateHelp}
              className={input}
            />
          </label>
          <p id={dateHelp} className="mt-0.5 text-xs text-slate-500">
            {t("dateHelp")}
          </p>
        </div>
      </div>
      <label className="block">
        {t("fields.deciders")}
        <input name="deciders" defaultValue={initial.deciders.join(", ")} className={input} />
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block">
          {t("fields.consulted")}
          <input name="consulted" defaultValue={initial.consulted.join(", ")} className={input} />
        </label>
        <label className="block">
          {t("fields.informed")}
          <input name="informed" defaultValue={initial.informed.join(", ")} className={input} />
        </label>
      </div>
      <p className="text-xs text-slate-500">{t("markdownHelp")}</p>
      {textArea("context", "fields.context", initial.context)}
      {textArea("decisionDrivers", "fields.drivers", initial.decisionDrivers.join("\n"), 3)}
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1">{t("fields.options")}</legend>
        {options.map((option) => (
          <div key={option.key} className="mb-3 grid gap-2 border-b border-slate-100 pb-3 sm:grid-cols-3">
            <label className="block sm:col-span-3">
              {t("fields.optionTitle")}
              <input
                value={option.title}
                onChange={(e) => update(option.key, { title: e.target.value })}
                maxLength={200}
                className={input}
              />
            </label>
            <label className="block">
              {t("fields.pros")}
              <textarea
                value={option.pros}
                onChange={(e) => update(option.key, { pros: e.target.value })}
                rows={2}
                className={input}
              />
            </label>
            <label className="block">
              {t("fields.cons")}
              <textarea
                value={option.cons}
                onChange={(e) => update(option.key, { cons: e.target.value })}
                rows={2}
                className={input}
              />
            </label>
            <div className="flex items-end">
              <Button
                type="button"
                variant="secondary"
                onClick={() => setOptions((rows) => rows.filter((row) => row.key !== option.key))}
              >
                {t("removeOption")}
              </Button>
            </div>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setOptions((rows) => [
              ...rows,
              { key: Math.max(-1, ...rows.map((r) => r.key)) + 1, title: "", pros: "", cons: "" },
            ])
          }
        >
          {t("addOption")}
        </Button>
      </fieldset>
      {textArea("decisionOutcome", "fields.outcome", initial.decisionOutcome)}
      {textArea("consequences", "fields.consequences", initial.consequences, 3)}
      {textArea("validation", "fields.validation", initial.validation, 2)}
      {pl && <AdrPlFieldset initial={pl.initial} currency={pl.currency} />}
      {plProblem && <p className="text-red-800">{t("pl.amountInvalid")}</p>}
      {children}
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
