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
import type { DebtItemView } from "@/server/domain/debt/item";
import { DebtFields, type LinkChoice } from "./debt-fields";
import { debtFieldsFromForm, debtFormDefaults, fieldOfIssue, type FieldErrors } from "./form-values";

export type DebtLinkChoices = { adrs: LinkChoice[]; requirements: LinkChoice[]; objectives: LinkChoice[] };

/** Adds a debt item, or (with `item`) edits one on the revision it was read at. */
export function DebtForm({
  engagementId,
  currency,
  choices,
  item,
  onDone,
}: {
  engagementId: string;
  currency: string;
  choices: DebtLinkChoices;
  item?: DebtItemView;
  onDone?: () => void;
}) {
  const t = useTranslations("debt.form");
  const trpc = useTRPC();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  // a new form after each added item, so its fields start empty again
  const [generation, setGeneration] = useState(0);
  const digits = minorUnitDigits(currency);
  const handlers = {
    onSuccess: (written: { title: string; revision: number }) => {
      setErrors({});
      setProblems([]);
      setSaved(t("saved", { title: written.title, revision: written.revision }));
      if (!item) setGeneration(generation + 1);
      router.refresh();
      onDone?.();
    },
    onError: (error: unknown) => {
      const { fields, problems } = requestErrors(error, fieldOfIssue);
      setErrors(fields);
      setProblems(problems);
    },
  };
  const create = useMutation(trpc.debt.create.mutationOptions(handlers));
  const edit = useMutation(trpc.debt.edit.mutationOptions(handlers));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const read = debtFieldsFromForm(new FormData(event.currentTarget), digits, {
      badAmount: t("badAmount", { digits }),
      badDays: t("badDays"),
    });
    if ("errors" in read) return setErrors(read.errors);
    setErrors({});
    if (item) edit.mutate({ debtItemId: item.id, expectedRevision: item.revision, fields: read.fields });
    else create.mutate({ engagementId, fields: read.fields });
  }

  const label = item ? t("editTitle", { title: item.title }) : t("addTitle");
  return (
    <form key={generation} onSubmit={onSubmit} aria-label={label} className="space-y-3" noValidate>
      <DebtFields
        defaults={debtFormDefaults(item ?? null, digits)}
        links={{
          objectiveIds: item?.objectiveIds ?? [],
          adrIds: item?.adrIds ?? [],
          requirementIds: item?.requirementIds ?? [],
        }}
        errors={errors}
        currency={currency}
        choices={choices}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={create.isPending || edit.isPending}>
          {item ? t("saveEdit") : t("add")}
        </Button>
        {saved && <p role="status">{saved}</p>}
      </div>
      <Problems problems={problems} />
    </form>
  );
}
