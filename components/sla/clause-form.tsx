"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { requestErrors } from "@/components/refusal";
import { Button } from "@/components/ui/button";
import { minorUnitDigits } from "@/server/domain/currency";
import type { SlaClauseTerms } from "@/server/domain/sla/terms";
import { ClauseFields } from "./clause-fields";
import { fieldOfIssue, formDefaults, issueMessage, termsFromForm, type FieldErrors } from "./clause-form-values";

/** Adds a clause, or (with `clause`) writes new terms for one; the server's zod issues land on their fields. */
export function ClauseForm({
  engagementId,
  currency,
  clause,
  onDone,
}: {
  engagementId: string;
  currency: string;
  clause?: { id: string; version: number; measured: boolean; terms: SlaClauseTerms };
  onDone?: () => void;
}) {
  const t = useTranslations("sla.form");
  const trpc = useTRPC();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const digits = minorUnitDigits(currency);
  const handlers = {
    onSuccess: (written: { version: number; terms: { title: string } }) => {
      setErrors({});
      setProblems([]);
      setSaved(t("saved", { title: written.terms.title, version: written.version }));
      router.refresh();
      onDone?.();
    },
    onError: (error: unknown) => {
      const { fields, problems } = requestErrors(error, fieldOfIssue, (path, message) =>
        issueMessage(path, message, (line) => t("line", { line })),
      );
      setErrors(fields);
      setProblems(problems);
    },
  };
  const create = useMutation(trpc.sla.create.mutationOptions(handlers));
  const edit = useMutation(trpc.sla.edit.mutationOptions(handlers));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const read = termsFromForm(new FormData(event.currentTarget), digits, t("badAmount", { digits }));
    if ("errors" in read) return setErrors(read.errors);
    if (clause) edit.mutate({ clauseId: clause.id, terms: read.terms as SlaClauseTerms });
    else create.mutate({ engagementId, terms: read.terms as SlaClauseTerms });
  }

  const label = clause ? t("editTitle", { title: clause.terms.title }) : t("addTitle");
  return (
    <form onSubmit={onSubmit} aria-label={label} className="space-y-3" noValidate>
      {clause && (
        <p className="text-sm text-amber-900">
          {clause.measured
            ? t("nextVersion", { current: clause.version, next: clause.version + 1 })
            : t("correctsVersion", { current: clause.version })}
        </p>
      )}
      <ClauseFields defaults={formDefaults(clause?.terms ?? null, digits)} errors={errors} currency={currency} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={create.isPending || edit.isPending}>
          {clause ? t("saveEdit") : t("add")}
        </Button>
        {saved && <p role="status">{saved}</p>}
      </div>
      <Problems problems={problems} />
    </form>
  );
}
