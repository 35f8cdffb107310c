"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "../providers/trpc-provider";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { formatMoney, minorUnitDigits, SUPPORTED_CURRENCIES } from "@/server/domain/currency";
import { parseMajorAmount, ZEngagementPlan } from "@/server/domain/engagement-plan";
import { BASIS_POINTS_TOTAL, splitByShares } from "@/server/domain/money";
import { refusalReasons } from "../refusal";
import { MilestoneListEditor, type DraftMilestone } from "./milestone-list-editor";

export type { DraftMilestone };

const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";
const today = () => new Date().toISOString().slice(0, 10);

export interface DraftTerms {
  clientId: string;
  title: string;
  currency: (typeof SUPPORTED_CURRENCIES)[number];
  feeText: string;
  taxText: string;
  startDate: string;
  termsText: string;
}

export interface WizardProps {
  clients: { id: string; name: string }[];
  template: DraftMilestone[];
  /** editing an engagement's plan before work starts; creating when absent */
  editing?: { engagementId: string; terms: DraftTerms };
}

export function EngagementWizard({ clients, template, editing }: WizardProps) {
  const t = useTranslations("wizard");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const terms = editing?.terms;
  const [clientId, setClientId] = useState(terms?.clientId ?? clients[0]?.id ?? "");
  const [title, setTitle] = useState(terms?.title ?? "");
  const [currency, setCurrency] = useState<(typeof SUPPORTED_CURRENCIES)[number]>(terms?.currency ?? "CNY");
  const [feeText, setFeeText] = useState(terms?.feeText ?? "");
  const [taxText, setTaxText] = useState(terms?.taxText ?? "6");
  const [startDate, setStartDate] = useState(terms?.startDate ?? today());
  const [termsText, setTermsText] = useState(terms?.termsText ?? "30");
  const [milestones, setMilestones] = useState<DraftMilestone[]>(template);
  const [problems, setProblems] = useState<string[]>([]);
  const create = useMutation(
    trpc.engagement.create.mutationOptions({
      onSuccess: ({ id }) => router.push(`/engagements/${id}`),
      onError: (error) => setProblems(refusalReasons(error)),
    }),
  );
  const update = useMutation(
    trpc.engagement.updatePlan.mutationOptions({
      onSuccess: () => {
        router.push(`/engagements/${editing?.engagementId}`);
        router.refresh();
      },
      onError: (error) => setProblems(refusalReasons(error)),
    }),
  );
  const pending = create.isPending || update.isPending;

  const digits = minorUnitDigits(currency);
  const fee = parseMajorAmount(feeText, digits);
  const sharesBp = milestones.map((m) => parseMajorAmount(m.shareText, 2));
  const shareSum = sharesBp.reduce<number>((sum, bp) => sum + (bp ?? 0), 0);
  const preview =
    fee !== null && shareSum === BASIS_POINTS_TOTAL && sharesBp.every((bp) => bp !== null)
      ? splitByShares(fee, sharesBp as number[])
      : null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const plan = ZEngagementPlan.safeParse({
      clientId,
      title,
      currency,
      feeMinor: fee ?? Number.NaN,
      taxRateBp: parseMajorAmount(taxText, 2) ?? Number.NaN,
      startDate,
      paymentTermsDays: Number(termsText),
      milestones: milestones.map((m, i) => ({
        key: m.key,
        title: m.title,
        kind: m.kind,
        shareBp: sharesBp[i] ?? Number.NaN,
        requirements: m.requirements,
      })),
    });
    if (!plan.success)
      return setProblems(plan.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
    setProblems([]);
    if (editing) update.mutate({ engagementId: editing.engagementId, plan: plan.data });
    else create.mutate(plan.data);
  }

  if (clients.length === 0) return <p className="text-slate-600">{t("noClients")}</p>;

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <Card className="grid gap-4 p-4 sm:grid-cols-2 lg:grid-cols-3">
        <label className="text-sm font-medium">
          {t("client")}
          <select className={field} value={clientId} onChange={(e) => setClientId(e.target.value)}>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium sm:col-span-2">
          {t("engagementTitle")}
          <input className={field} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </label>
        <label className="text-sm font-medium">
          {t("currency")}
          <select className={field} value={currency} onChange={(e) => setCurrency(e.target.value as typeof currency)}>
            {SUPPORTED_CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("fee")}
          <input
            className={field}
            value={feeText}
            onChange={(e) => setFeeText(e.target.value)}
            inputMode="decimal"
            required
            placeholder="1000000"
          />
        </label>
        <label className="text-sm font-medium">
          {t("taxRate")}
          <input className={field} value={taxText} onChange={(e) => setTaxText(e.target.value)} inputMode="decimal" />
        </label>
        <label className="text-sm font-medium">
          {t("startDate")}
          <input className={field} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
        </label>
        <label className="text-sm font-medium">
          {t("paymentTerms")}
          <input
            className={field}
            value={termsText}
            onChange={(e) => setTermsText(e.target.value)}
            inputMode="numeric"
          />
        </label>
      </Card>

      <MilestoneListEditor milestones={milestones} onChange={setMilestones} />

      <Card className="p-4" aria-live="polite">
        <h2 className="text-lg font-semibold">{t("preview")}</h2>
        {preview ? (
          <ul className="mt-2 space-y-1 text-sm" data-testid="split-preview">
            {milestones.map((m, i) => (
              <li key={m.uid} className="flex justify-between gap-4">
                <span>{m.title || m.key}</span>
                <span className="tabular-nums" data-preview-amount={m.key}>
                  {formatMoney(preview[i] ?? 0, currency, locale)}
                </span>
              </li>
            ))}
            <li className="flex justify-between gap-4 border-t border-slate-200 pt-1 font-semibold">
              <span>{t("total")}</span>
              <span className="tabular-nums">
                {formatMoney(
                  preview.reduce((a, b) => a + b, 0),
                  currency,
                  locale,
                )}
              </span>
            </li>
          </ul>
        ) : (
          <p className="mt-2 text-sm text-amber-800">
            {shareSum !== BASIS_POINTS_TOTAL ? t("sharesOff", { sum: `${shareSum / 100}%` }) : t("enterFee")}
          </p>
        )}
      </Card>

      {problems.length > 0 && (
        <ul role="alert" className="list-disc rounded-md bg-red-50 py-2 pl-8 pr-3 text-sm text-red-800">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? t("creating") : editing ? t("savePlan") : t("create")}
      </Button>
    </form>
  );
}
