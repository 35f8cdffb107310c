"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import { parseMajorAmount } from "@/server/domain/engagement-plan";
import { minorUnitDigits } from "@/server/domain/currency";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm";

/** Record a payment or issue a credit note for one open invoice. */
export function InvoiceActions({
  invoiceId,
  number,
  currency,
  outstandingMajor,
}: {
  invoiceId: string;
  number: string;
  currency: string;
  outstandingMajor: string;
}) {
  const t = useTranslations("invoices");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const [local, setLocal] = useState<string[]>([]);
  const pay = useMutation(trpc.invoice.recordPayment.mutationOptions(handlers));
  const credit = useMutation(trpc.invoice.creditNote.mutationOptions(handlers));
  const digits = minorUnitDigits(currency);

  function onPay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amount = parseMajorAmount(String(form.get("amount") ?? ""), digits);
    if (amount === null || amount <= 0) return setLocal([t("badAmount", { digits })]);
    setLocal([]);
    pay.mutate({
      invoiceId,
      amountMinor: amount,
      paidOn: String(form.get("paidOn") ?? ""),
      method: String(form.get("method") ?? ""),
      reference: String(form.get("reference") ?? ""),
    });
  }

  function onCredit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = String(form.get("amount") ?? "").trim();
    const amount = text === "" ? undefined : parseMajorAmount(text, digits);
    if (amount === null) return setLocal([t("badAmount", { digits })]);
    setLocal([]);
    credit.mutate({ invoiceId, reason: String(form.get("reason") ?? ""), subtotalMinor: amount });
  }

  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-teal-800">
        {t("payment")} · {t("credit")}
      </summary>
      <form onSubmit={onPay} aria-label={`${t("payment")}: ${number}`} className="mt-2 grid gap-2 sm:grid-cols-2">
        <label>
          {t("amount", { currency })}
          <input name="amount" defaultValue={outstandingMajor} className={input} inputMode="decimal" />
        </label>
        <label>
          {t("paidOn")}
          <input
            name="paidOn"
            type="date"
            required
            defaultValue={new Date().toISOString().slice(0, 10)}
            className={input}
          />
        </label>
        <label>
          {t("method")}
          <input name="method" required defaultValue="bank transfer" className={input} />
        </label>
        <label>
          {t("reference")}
          <input name="reference" className={input} />
        </label>
        <Button type="submit" variant="secondary" disabled={pay.isPending}>
          {t("record")}
        </Button>
      </form>
      <form onSubmit={onCredit} aria-label={`${t("credit")}: ${number}`} className="mt-3 grid gap-2 sm:grid-cols-2">
        <label>
          {t("reason")}
          <input name="reason" required maxLength={500} className={input} />
        </label>
        <label>
          {t("creditAmount", { currency })}
          <input name="amount" className={input} inputMode="decimal" />
        </label>
        <Button type="submit" variant="ghost" disabled={credit.isPending}>
          {t("creditSubmit")}
        </Button>
      </form>
      <Problems problems={[...local, ...problems]} />
    </details>
  );
}
