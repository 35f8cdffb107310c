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
import {
  defaultRequirement,
  GATE_REQUIREMENT_KINDS,
  type GateRequirement,
  type GateRequirementKind,
} from "@/server/domain/gate";
import type { MilestoneKind } from "@/server/domain/milestone";
import { BASIS_POINTS_TOTAL, splitByShares } from "@/server/domain/money";
import { refusalReasons } from "../refusal";
import { RequirementEditor } from "./requirement-editor";

export interface DraftMilestone {
  uid: string;
  key: string;
  title: string;
  kind: MilestoneKind;
  shareText: string;
  requirements: GateRequirement[];
}

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

  const edit = (uid: string, change: Partial<DraftMilestone>) =>
    setMilestones((list) => list.map((m) => (m.uid === uid ? { ...m, ...change } : m)));
  const move = (index: number, by: number) =>
    setMilestones((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item);
      return next;
    });

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

      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading" className="text-lg font-semibold">
          {t("milestones")}
        </h2>
        <ol className="mt-3 space-y-3">
          {milestones.map((m, index) => (
            <li key={m.uid} data-draft-milestone={m.key}>
              <Card className="space-y-3 p-4">
                <div className="grid gap-3 sm:grid-cols-[7rem_1fr_9rem_7rem_auto]">
                  <label className="text-xs text-slate-600">
                    {t("key")}
                    <input className={field} value={m.key} onChange={(e) => edit(m.uid, { key: e.target.value })} />
                  </label>
                  <label className="text-xs text-slate-600">
                    {t("milestoneTitle")}
                    <input className={field} value={m.title} onChange={(e) => edit(m.uid, { title: e.target.value })} />
                  </label>
                  <label className="text-xs text-slate-600">
                    {t("kind")}
                    <select
                      className={field}
                      value={m.kind}
                      onChange={(e) => edit(m.uid, { kind: e.target.value as MilestoneKind })}
                    >
                      <option value="standard">{t("kindStandard")}</option>
                      <option value="prepaid">{t("kindPrepaid")}</option>
                    </select>
                  </label>
                  <label className="text-xs text-slate-600">
                    {t("share")}
                    <input
                      className={field}
                      value={m.shareText}
                      onChange={(e) => edit(m.uid, { shareText: e.target.value })}
                      inputMode="decimal"
                      aria-label={`${t("share")} ${m.title}`}
                    />
                  </label>
                  <div className="flex items-end gap-1 text-xs">
                    <button
                      type="button"
                      className="rounded px-2 py-1 hover:bg-slate-100"
                      onClick={() => move(index, -1)}
                      aria-label={`${t("moveUp")} ${m.title}`}
                      disabled={index === 0}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="rounded px-2 py-1 hover:bg-slate-100"
                      onClick={() => move(index, 1)}
                      aria-label={`${t("moveDown")} ${m.title}`}
                      disabled={index === milestones.length - 1}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="rounded px-2 py-1 text-red-700 hover:bg-red-50"
                      onClick={() => setMilestones((list) => list.filter((x) => x.uid !== m.uid))}
                      aria-label={`${t("removeMilestone")} ${m.title}`}
                    >
                      ✕
                    </button>
                  </div>
                </div>
                <div className="space-y-2">
                  <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("gates")}</p>
                  {m.requirements.map((requirement, r) => (
                    <RequirementEditor
                      key={`${m.uid}-${r}`}
                      idPrefix={`${m.uid}-${r}`}
                      requirement={requirement}
                      onChange={(next) =>
                        edit(m.uid, { requirements: m.requirements.map((x, i) => (i === r ? next : x)) })
                      }
                      onRemove={() => edit(m.uid, { requirements: m.requirements.filter((_, i) => i !== r) })}
                    />
                  ))}
                  <label className="text-xs text-slate-600">
                    <span className="sr-only">{`${t("addRequirement")} ${m.title}`}</span>
                    <select
                      className="rounded-md border border-dashed border-slate-300 px-2 py-1 text-xs"
                      value=""
                      onChange={(e) =>
                        e.target.value &&
                        edit(m.uid, {
                          requirements: [...m.requirements, defaultRequirement(e.target.value as GateRequirementKind)],
                        })
                      }
                    >
                      <option value="">+ {t("addRequirement")}</option>
                      {GATE_REQUIREMENT_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {kind}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
              </Card>
            </li>
          ))}
        </ol>
        <Button
          type="button"
          variant="secondary"
          className="mt-3"
          onClick={() =>
            setMilestones((list) => [
              ...list,
              {
                uid: crypto.randomUUID(),
                key: `m${list.length + 1}`,
                title: "",
                kind: "standard",
                shareText: "0",
                requirements: [],
              },
            ])
          }
        >
          {t("addMilestone")}
        </Button>
      </section>

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
