"use client";

import { useTranslations } from "next-intl";
import { minorToDecimal, minorUnitDigits } from "@/server/domain/currency";
import { parseMajorAmount } from "@/server/domain/engagement-plan";
import type { AdrPl, AdrPlFields } from "@/server/domain/adr/pl";
import { PL_EFFECTS, PL_RECURRENCES, type PlEffect, type PlRecurrence } from "@/server/domain/roi/inputs";

// The ADR's P&L label inside the ADR form: left empty, the decision has none; filled in part,
// the server names what is missing. The amount is typed in major units of the engagement's currency.

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const SUGGESTED_ACCOUNTS = ["operations", "lost revenue", "infrastructure", "compliance", "staff"];

export function AdrPlFieldset({ initial, currency }: { initial: AdrPl | null; currency: string }) {
  const t = useTranslations("adrs.pl");
  const digits = minorUnitDigits(currency);
  return (
    <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-4">
      <legend className="px-1">{t("legend")}</legend>
      <p className="text-xs text-slate-500 sm:col-span-4">{t("help")}</p>
      <label className="block">
        {t("account")}
        <input
          name="plAccount"
          defaultValue={initial?.account ?? ""}
          maxLength={60}
          list="adr-pl-accounts"
          className={input}
        />
        <datalist id="adr-pl-accounts">
          {SUGGESTED_ACCOUNTS.map((account) => (
            <option key={account} value={account} />
          ))}
        </datalist>
      </label>
      <label className="block">
        {t("amount", { currency })}
        <input
          name="plAmount"
          inputMode="decimal"
          defaultValue={initial ? minorToDecimal(initial.amountMinor, digits) : ""}
          className={input}
        />
      </label>
      <label className="block">
        {t("recurrence")}
        <select name="plRecurrence" defaultValue={initial?.recurrence ?? "per_quarter"} className={input}>
          {PL_RECURRENCES.map((recurrence) => (
            <option key={recurrence} value={recurrence}>
              {t(`recurrences.${recurrence}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        {t("effect")}
        <select name="plEffect" defaultValue={initial?.effect ?? "cost"} className={input}>
          {PL_EFFECTS.map((effect) => (
            <option key={effect} value={effect}>
              {t(`effects.${effect}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** The label the form holds: none when account and amount are both empty, null when the amount is unreadable. */
export function plFieldsFromForm(form: FormData, currency: string): AdrPlFields | null {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const account = text("plAccount");
  const amount = text("plAmount");
  if (!account && !amount) return {};
  const amountMinor = amount ? parseMajorAmount(amount, minorUnitDigits(currency)) : undefined;
  if (amountMinor === null) return null;
  return {
    plAccount: account || undefined,
    plAmountMinor: amountMinor,
    plRecurrence: text("plRecurrence") as PlRecurrence,
    plEffect: text("plEffect") as PlEffect,
  };
}
