"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ClauseFields } from "@/components/sla/clause-fields";
import { fieldOfIssue, formDefaults, issueMessage, termsFromForm } from "@/components/sla/clause-form-values";
import { ClauseTerms } from "@/components/sla/clause-terms";
import { Button } from "@/components/ui/button";
import type { FieldErrors } from "@/components/ui/form-field";
import { minorUnitDigits } from "@/server/domain/currency";
import { ZSlaClauseTerms, type SlaClauseTerms } from "@/server/domain/sla/terms";

/**
 * A package's SLA clauses, each written with the engagement's clause fields and checked here
 * before it joins the list (the package is saved as a whole).
 */
export function PackageClauses({
  clauses,
  onChange,
  currency,
  errors,
}: {
  clauses: SlaClauseTerms[];
  onChange: (clauses: SlaClauseTerms[]) => void;
  currency: string;
  /** the server's problems by path ("slaClauses.0.target") */
  errors: FieldErrors;
}) {
  const t = useTranslations("packages.form");
  const sla = useTranslations("sla.form");
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [clauseErrors, setClauseErrors] = useState<FieldErrors>({});
  const digits = minorUnitDigits(currency);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = termsFromForm(new FormData(event.currentTarget), digits, sla("badAmount", { digits }));
    if ("errors" in read) return setClauseErrors(read.errors);
    const parsed = ZSlaClauseTerms.safeParse(read.terms);
    if (!parsed.success) {
      const byField: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const path = ["terms", ...issue.path].join(".");
        (byField[fieldOfIssue(path)] ??= []).push(issueMessage(path, issue.message, (line) => sla("line", { line })));
      }
      return setClauseErrors(byField);
    }
    onChange(editing === "new" || editing === null ? [...clauses, parsed.data] : clauses.with(editing, parsed.data));
    setClauseErrors({});
    setEditing(null);
  }

  const form = (terms: SlaClauseTerms | null) => (
    <form
      onSubmit={apply}
      noValidate
      className="space-y-3 rounded-md border border-teal-200 p-3"
      aria-label={t("clauseForm")}
    >
      <ClauseFields defaults={formDefaults(terms, digits)} errors={clauseErrors} currency={currency} />
      {clauseErrors.form && <p className="text-xs text-red-700">{clauseErrors.form.join("; ")}</p>}
      <div className="flex gap-2">
        <Button type="submit">{t("applyClause")}</Button>
        <Button type="button" variant="secondary" onClick={() => (setEditing(null), setClauseErrors({}))}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );

  return (
    <div className="space-y-3" data-testid="package-clauses">
      {clauses.length === 0 && editing === null && <p className="text-sm text-slate-600">{t("noClauses")}</p>}
      <ol className="space-y-3">
        {clauses.map((clause, index) => {
          const problems = Object.entries(errors).flatMap(([path, messages]) =>
            path.startsWith(`slaClauses.${index}`)
              ? messages.map((m) => `${path.split(".").slice(2).join(".")}: ${m}`)
              : [],
          );
          return (
            <li
              key={`${index}-${clause.title}`}
              className="rounded-md border border-slate-200 p-3"
              data-package-clause={index}
            >
              {editing === index ? (
                form(clause)
              ) : (
                <>
                  <div className="mb-2 flex items-center justify-between gap-2">
                    <h4 className="font-medium">{clause.title}</h4>
                    <div className="flex gap-1">
                      <Button type="button" variant="ghost" onClick={() => setEditing(index)}>
                        {t("editClause")}
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        className="text-red-700"
                        onClick={() => onChange(clauses.filter((_, i) => i !== index))}
                      >
                        {t("removeClause")}
                      </Button>
                    </div>
                  </div>
                  <ClauseTerms terms={clause} currency={currency} />
                  {problems.length > 0 && (
                    <p className="mt-1 text-xs text-red-700" data-field-error={`slaClauses.${index}`}>
                      {problems.join("; ")}
                    </p>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>
      {editing === "new"
        ? form(null)
        : editing === null && (
            <Button type="button" variant="secondary" onClick={() => setEditing("new")}>
              {t("addClause")}
            </Button>
          )}
    </div>
  );
}
