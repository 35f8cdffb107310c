"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { SaveFooter } from "@/components/save-footer";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import { formatDocumentNumber, MAX_PATTERN_LENGTH, numberPatternProblem } from "@/server/domain/document-number";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm";

/** A number in the pattern's format (the first of today's series), or why the pattern cannot number. */
function preview(pattern: string, example: (number: string) => string): string {
  const problem = numberPatternProblem(pattern.trim());
  return problem ?? example(formatDocumentNumber(pattern.trim(), new Date().toISOString().slice(0, 10), 1));
}

export function NumberingForm({ numbering }: { numbering: { invoicePattern: string; creditNotePattern: string } }) {
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const { problems, result, handlers } = useRefreshingAction();
  const save = useMutation(trpc.organisation.updateNumbering.mutationOptions(handlers));
  const [invoicePattern, setInvoicePattern] = useState(numbering.invoicePattern);
  const [creditNotePattern, setCreditNotePattern] = useState(numbering.creditNotePattern);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ invoicePattern, creditNotePattern });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 text-sm" aria-label={t("numbering")}>
      <p className="text-slate-600">{t("numberingHelp")}</p>
      <label className="block">
        {t("invoicePattern")}
        <input
          name="invoicePattern"
          value={invoicePattern}
          onChange={(e) => setInvoicePattern(e.target.value)}
          maxLength={MAX_PATTERN_LENGTH}
          className={input}
        />
        <span className="mt-1 block text-xs text-slate-500" data-testid="invoice-pattern-preview">
          {preview(invoicePattern, (n) => t("patternExample", { example: n }))}
        </span>
      </label>
      <label className="block">
        {t("creditNotePattern")}
        <input
          name="creditNotePattern"
          value={creditNotePattern}
          onChange={(e) => setCreditNotePattern(e.target.value)}
          maxLength={MAX_PATTERN_LENGTH}
          className={input}
        />
        <span className="mt-1 block text-xs text-slate-500">
          {preview(creditNotePattern, (n) => t("patternExample", { example: n }))}
        </span>
      </label>
      <SaveFooter
        label={t("save")}
        pending={save.isPending}
        saved={result !== null ? t("saved") : null}
        problems={problems}
        className="ml-3"
      />
    </form>
  );
}
