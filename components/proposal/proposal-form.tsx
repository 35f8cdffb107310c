"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Problems } from "@/components/problems";
import { useTRPC } from "@/components/providers/trpc-provider";
import { requestErrors } from "@/components/refusal";
import { ClauseTerms } from "@/components/sla/clause-terms";
import { Button } from "@/components/ui/button";
import { Field, inputClass, type FieldErrors } from "@/components/ui/form-field";
import type { ServicePackageView } from "@/server/domain/proposal/package";
import {
  draftFromState,
  emptyFormState,
  errorsOfReasons,
  fieldOfIssue,
  packageDefaults,
  type ProposalFormState,
} from "./form-values";
import { OfferObjectives } from "./offer-objectives";
import { QuantityFields } from "./quantity-fields";

const sectionClass = "space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className={sectionClass}>
      <legend className="px-1 text-base font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

/** Writes a proposal as a draft: a new one, or (with `revising`) the next revision of one. */
export function ProposalForm({
  clients,
  packages,
  today,
  initial,
  revising,
}: {
  clients: { id: string; name: string }[];
  /** the packages a proposal may be made from (not archived) */
  packages: ServicePackageView[];
  today: string;
  initial: ProposalFormState | null;
  revising: { id: string; number: string } | null;
}) {
  const t = useTranslations("proposalPages.form");
  const trpc = useTRPC();
  const router = useRouter();
  const [state, setState] = useState<ProposalFormState>(() => initial ?? emptyFormState(today, null));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<string[]>([]);
  const pkg = packages.find((p) => p.id === state.packageId) ?? null;
  const handlers = {
    onSuccess: (written: { id: string }) => router.push(`/proposals/${written.id}`),
    onError: (error: unknown) => {
      const request = requestErrors(error, fieldOfIssue);
      // a draft the server cannot make from the package names the field of each reason
      const { fields, rest } = errorsOfReasons(request.problems);
      const byField: FieldErrors = { ...request.fields };
      for (const [field, messages] of Object.entries(fields)) (byField[field] ??= []).push(...messages);
      setErrors(byField);
      setProblems(Object.keys(fields).length > 0 ? [...(byField.form ?? []), ...rest] : request.problems);
    },
  };
  const create = useMutation(trpc.proposal.create.mutationOptions(handlers));
  const revise = useMutation(trpc.proposal.revise.mutationOptions(handlers));
  const set = (patch: Partial<ProposalFormState>) => setState({ ...state, ...patch });

  function choosePackage(packageId: string) {
    const chosen = packages.find((p) => p.id === packageId);
    // links point into the package: another package's milestones and clauses are not these
    const objectives = state.objectives.map((entry) => ({ ...entry, link: null }));
    set({ packageId, objectives, ...(chosen ? packageDefaults(chosen) : { quantities: {}, slaClauseIndexes: [] }) });
  }

  function toggleClause(index: number, offered: boolean) {
    const slaClauseIndexes = offered
      ? [...state.slaClauseIndexes, index]
      : state.slaClauseIndexes.filter((i) => i !== index);
    const objectives = state.objectives.map((entry) =>
      !offered && entry.link?.kind === "sla_clause" && entry.link.index === index ? { ...entry, link: null } : entry,
    );
    set({ slaClauseIndexes, objectives });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblems([]);
    const keys = pkg?.pricing.type === "formula" ? pkg.pricing.rateCard.map((line) => line.key) : [];
    const read = draftFromState(state, keys, {
      badQuantity: t("badQuantity"),
      badTaxRate: t("badTaxRate"),
      badDays: t("badDays"),
      badNumber: t("badNumber"),
    });
    if ("errors" in read) return setErrors(read.errors);
    setErrors({});
    if (revising) revise.mutate({ proposalId: revising.id, draft: read.draft });
    else create.mutate(read.draft);
  }

  const text = (name: "title" | "taxRate" | "paymentTermsDays", label: string, hint?: string, error: string = name) => (
    <Field name={error} label={label} hint={hint} errors={errors}>
      {(props) => (
        <input
          {...props}
          value={state[name]}
          onChange={(event) => set({ [name]: event.target.value })}
          inputMode={name === "title" ? undefined : "decimal"}
          className={inputClass}
        />
      )}
    </Field>
  );
  const date = (name: "startDate" | "validUntil", label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(props) => (
        <input
          {...props}
          type="date"
          value={state[name]}
          onChange={(event) => set({ [name]: event.target.value })}
          className={inputClass}
        />
      )}
    </Field>
  );
  const formLabel = revising ? t("reviseTitle", { number: revising.number }) : t("newTitle");
  return (
    <form onSubmit={onSubmit} aria-label={formLabel} className="space-y-6" noValidate>
      <Section title={t("whoAndWhat")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="clientId" label={t("client")} errors={errors}>
            {(props) => (
              <select
                {...props}
                value={state.clientId}
                onChange={(event) => set({ clientId: event.target.value })}
                className={inputClass}
              >
                <option value="">{t("choose")}</option>
                {clients.map((client) => (
                  <option key={client.id} value={client.id}>
                    {client.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="packageId"
            label={t("package")}
            hint={packages.length ? undefined : t("noPackages")}
            errors={errors}
          >
            {(props) => (
              <select
                {...props}
                value={state.packageId}
                onChange={(event) => choosePackage(event.target.value)}
                className={inputClass}
              >
                <option value="">{t("choose")}</option>
                {packages.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {text("title", t("title"), t("titleHint"))}
        {pkg?.description && <p className="text-sm text-slate-600">{pkg.description}</p>}
      </Section>

      {pkg && (
        <Section title={t("quantitiesAndPrice")}>
          <QuantityFields
            pkg={pkg}
            quantities={state.quantities}
            onChange={(key, value) => {
              set({ quantities: { ...state.quantities, [key]: value } });
              // the live quote judges the new quantity; the last save's word on it is stale
              setErrors(({ [`quantities.${key}`]: _stale, ...rest }) => rest);
            }}
            errors={errors}
          />
        </Section>
      )}

      <Section title={t("terms")}>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {text("taxRate", t("taxRate"), t("taxRateHint"), "taxRateBp")}
          {text("paymentTermsDays", t("paymentTermsDays"))}
          {date("startDate", t("startDate"))}
          {date("validUntil", t("validUntil"), t("validUntilHint"))}
        </div>
      </Section>

      {pkg && (
        <Section title={t("slaClauses")}>
          {pkg.slaClauses.length === 0 ? (
            <p className="text-sm text-slate-600">{t("packageHasNoClauses")}</p>
          ) : (
            <ul className="space-y-3">
              {pkg.slaClauses.map((clause, index) => (
                <li key={clause.title}>
                  <label className="flex items-center gap-2 text-sm font-medium">
                    <input
                      type="checkbox"
                      checked={state.slaClauseIndexes.includes(index)}
                      onChange={(event) => toggleClause(index, event.target.checked)}
                    />
                    {clause.title}
                  </label>
                  <details className="ml-6 mt-1">
                    <summary className="cursor-pointer text-xs text-slate-600">{t("clauseTerms")}</summary>
                    <ClauseTerms terms={clause} currency={pkg.currency} />
                  </details>
                </li>
              ))}
            </ul>
          )}
          {errors.slaClauseIndexes && <Problems problems={errors.slaClauseIndexes} />}
        </Section>
      )}

      <Section title={t("objectives")}>
        <p className="text-sm text-slate-600">{t("objectivesIntro")}</p>
        <OfferObjectives
          pkg={pkg}
          offeredClauses={[...state.slaClauseIndexes].sort((a, b) => a - b)}
          entries={state.objectives}
          onChange={(objectives) => set({ objectives })}
          errors={errors}
        />
      </Section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={create.isPending || revise.isPending}>
          {revising ? t("saveRevision") : t("saveDraft")}
        </Button>
        {Object.keys(errors).length > 0 && (
          <p role="alert" className="text-sm text-red-800">
            {t("fixFields")}
          </p>
        )}
      </div>
      <Problems problems={problems} title={t("refused")} />
    </form>
  );
}
