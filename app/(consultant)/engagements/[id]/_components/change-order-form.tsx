"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { planChangeOrder, type PlannedMilestone } from "@/server/domain/change-order";
import { formatMoney, minorToDecimal, minorUnitDigits } from "@/server/domain/currency";
import { parseMajorAmount } from "@/server/domain/engagement-plan";
import { formatShareBp } from "@/server/domain/format";
import { BASIS_POINTS_TOTAL } from "@/server/domain/money";
import { refusalReasons } from "@/components/refusal";

export interface ChangeOrderMilestone extends PlannedMilestone {
  title: string;
}

const toPercentText = (bp: number) => (bp / 100).toString();

export function ChangeOrderForm({
  engagementId,
  currency,
  feeMinor,
  milestones,
}: {
  engagementId: string;
  currency: string;
  feeMinor: number;
  milestones: ChangeOrderMilestone[];
}) {
  const t = useTranslations("changeOrder");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const digits = minorUnitDigits(currency);
  const open = milestones.filter((m) => m.invoicedAmountMinor === null && m.state !== "cancelled");
  const [feeText, setFeeText] = useState(() => minorToDecimal(feeMinor, digits));
  const [shares, setShares] = useState<Record<string, string>>(() =>
    Object.fromEntries(open.map((m) => [m.id, toPercentText(m.shareBp)])),
  );
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const apply = useMutation(
    trpc.engagement.changeOrder.mutationOptions({
      onSuccess: () => {
        setProblems([]);
        setDone(true);
        router.refresh();
      },
      onError: (error) => setProblems(refusalReasons(error)),
    }),
  );

  const fee = parseMajorAmount(feeText, digits);
  const sharesBp = Object.fromEntries(open.map((m) => [m.id, parseMajorAmount(shares[m.id] ?? "", 2) ?? -1]));
  const plan = fee === null ? null : planChangeOrder(milestones, { feeMinor: fee, sharesBp });
  const amountOf = (id: string) => (plan?.ok ? plan.milestones.find((m) => m.id === id)?.amountMinor : undefined);
  const problem = explainPlan();
  // the rule the server applies: an approved milestone whose amount changes is verified again
  const voided = plan?.ok
    ? milestones.filter(
        (m) => m.state === "approved" && m.invoicedAmountMinor === null && amountOf(m.id) !== m.amountMinor,
      )
    : [];

  /** Why the plan cannot be applied, in the reader's language (the core's reasons as a last resort). */
  function explainPlan(): string | null {
    if (fee === null) return t("invalidFee", { digits });
    const unreadable = open.find((m) => (sharesBp[m.id] ?? -1) < 0);
    if (unreadable) return t("invalidShare", { milestone: unreadable.title });
    const total = milestones.reduce(
      (sum, m) => sum + (m.invoicedAmountMinor !== null ? m.shareBp : (sharesBp[m.id] ?? 0)),
      0,
    );
    if (total !== BASIS_POINTS_TOTAL) return t("sum", { sum: formatShareBp(total, locale) });
    const invoiced = milestones.reduce((sum, m) => sum + (m.invoicedAmountMinor ?? 0), 0);
    if (fee < invoiced) return t("feeBelowInvoiced", { amount: formatMoney(invoiced, currency, locale) });
    return plan && !plan.ok ? (plan.reasons[0] ?? null) : null;
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setDone(false);
    if (fee === null || !plan?.ok) return setProblems(problem ? [problem] : []);
    apply.mutate({
      engagementId,
      feeMinor: fee,
      shares: open.map((m) => ({ milestoneId: m.id, shareBp: sharesBp[m.id] ?? 0 })),
      reason,
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4 p-4" aria-label={t("title")}>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <label className="block max-w-xs text-sm font-medium">
        {t("fee", { currency })}
        <input
          value={feeText}
          onChange={(e) => setFeeText(e.target.value)}
          inputMode="decimal"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </label>
      <ul className="space-y-2">
        {milestones.map((m) => {
          const locked = m.invoicedAmountMinor !== null || m.state === "cancelled";
          const amount = locked ? (m.invoicedAmountMinor ?? 0) : amountOf(m.id);
          return (
            <li key={m.id} className="flex flex-wrap items-center gap-3 text-sm">
              <span className="w-48 font-medium">{m.title}</span>
              {locked ? (
                <span className="w-28 text-slate-500">{m.state === "cancelled" ? "—" : t("locked")}</span>
              ) : (
                <label className="flex w-28 items-center gap-1">
                  <span className="sr-only">{`${t("share")} ${m.title}`}</span>
                  <input
                    value={shares[m.id] ?? ""}
                    onChange={(e) => setShares({ ...shares, [m.id]: e.target.value })}
                    inputMode="decimal"
                    className="w-20 rounded-md border border-slate-300 px-2 py-1 text-right"
                  />
                  %
                </label>
              )}
              <span className="tabular-nums text-slate-700">
                {amount === undefined ? "…" : formatMoney(amount, currency, locale)}
              </span>
            </li>
          );
        })}
      </ul>
      <label className="block text-sm font-medium">
        {t("reason")}
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          minLength={3}
          rows={2}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </label>
      {problem && <p className="text-sm text-amber-800">{problem}</p>}
      {voided.length > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="change-order-voids">
          {t("voidsApproval", { milestones: voided.map((m) => m.title).join(", ") })}
        </p>
      )}
      {problems.length > 0 && (
        <ul role="alert" className="list-disc rounded-md bg-red-50 py-2 pl-8 pr-3 text-sm text-red-800">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {done && (
        <p role="status" className="text-sm text-emerald-800">
          {t("done")}
        </p>
      )}
      <Button type="submit" disabled={apply.isPending || !plan?.ok || reason.trim().length < 3}>
        {t("submit")}
      </Button>
    </form>
  );
}
