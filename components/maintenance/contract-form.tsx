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
import type { ContractFields as ContractFieldValues } from "@/server/domain/maintenance/contract";
import { ContractFields, type ClauseChoice } from "./contract-fields";
import { contractFieldsFromForm, contractFormDefaults, fieldOfIssue, type FieldErrors } from "./form-values";

export interface EditedContract extends ContractFieldValues {
  id: string;
  revision: number;
}

/** Adds a maintenance contract, or (with `contract`) edits one on the revision it was read at. */
export function ContractForm({
  engagementId,
  currency,
  clauses,
  contract,
  onDone,
}: {
  engagementId: string;
  currency: string;
  clauses: ClauseChoice[];
  contract?: EditedContract;
  onDone?: () => void;
}) {
  const t = useTranslations("maintenance.page.form");
  const trpc = useTRPC();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  // a new form after each added contract, so its fields start from the defaults again
  const [generation, setGeneration] = useState(0);
  const digits = minorUnitDigits(currency);
  const mode = contract ? "edit" : "create";
  const handlers = {
    onSuccess: (written: { startsOn: string; revision: number }) => {
      setErrors({});
      setProblems([]);
      setSaved(t("saved", { startsOn: written.startsOn, revision: written.revision }));
      if (!contract) setGeneration(generation + 1);
      router.refresh();
      onDone?.();
    },
    onError: (error: unknown) => {
      const { fields, problems } = requestErrors(error, fieldOfIssue);
      setErrors(fields);
      setProblems(problems);
    },
  };
  const create = useMutation(trpc.maintenance.create.mutationOptions(handlers));
  const update = useMutation(trpc.maintenance.update.mutationOptions(handlers));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const words = { badAmount: t("badAmount", { digits }), badWhole: t("badWhole"), required: t("required") };
    const read = contractFieldsFromForm(new FormData(event.currentTarget), digits, words, mode);
    if ("errors" in read) return setErrors(read.errors);
    setErrors({});
    if (!contract) return create.mutate({ engagementId, ...read.fields });
    const { startsOn = contract.startsOn, feeMinor = contract.feeMinor, ...rest } = read.fields;
    update.mutate({ contractId: contract.id, revision: contract.revision, fields: { ...rest, startsOn, feeMinor } });
  }

  const label = contract ? t("editTitle", { startsOn: contract.startsOn }) : t("addTitle");
  return (
    <form key={generation} onSubmit={onSubmit} aria-label={label} className="space-y-3" noValidate>
      {contract && <p className="text-sm text-slate-600">{t("editHint", { revision: contract.revision })}</p>}
      <ContractFields
        defaults={contractFormDefaults(contract ?? null, digits)}
        autoRenew={contract?.autoRenew ?? true}
        clauseIds={contract?.clauseIds ?? []}
        clauses={clauses}
        errors={errors}
        currency={currency}
        mode={mode}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={create.isPending || update.isPending}>
          {contract ? t("saveEdit") : t("add")}
        </Button>
        {saved && <p role="status">{saved}</p>}
      </div>
      <Problems problems={problems} />
    </form>
  );
}
