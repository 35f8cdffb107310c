import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/server/domain/currency";
import { formatShareBp } from "@/server/domain/format";
import type { MilestoneKind, MilestoneState } from "@/server/domain/milestone";
import { StateBadge } from "./ui/badge";
import { Table, Td, Th } from "./ui/table";

export interface MilestoneRow {
  id: string;
  key: string;
  title: string;
  kind: MilestoneKind;
  shareBp: number;
  amountMinor: number | null;
  state: MilestoneState;
}

export function MilestoneTable({
  milestones,
  currency,
  feeMinor,
  reviewHref,
}: {
  milestones: MilestoneRow[];
  currency: string;
  feeMinor: number | null;
  /** the portal's review page of a milestone, where there is one */
  reviewHref?: (milestone: MilestoneRow) => string;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const money = (amount: number | null) =>
    amount === null ? t("engagement.hidden") : formatMoney(amount, currency, locale);
  return (
    <Table>
      <caption className="sr-only">{t("engagement.milestones")}</caption>
      <thead>
        <tr>
          <Th>{t("engagement.milestone")}</Th>
          <Th className="text-right">{t("engagement.share")}</Th>
          <Th className="text-right">{t("engagement.amount")}</Th>
          <Th>{t("engagement.state")}</Th>
          {reviewHref && <Th />}
        </tr>
      </thead>
      <tbody>
        {milestones.map((m) => (
          <tr key={m.id} data-milestone={m.key}>
            <Td>
              <span className="font-medium text-slate-900">{m.title}</span>
              {m.kind === "prepaid" && <span className="ml-2 text-xs text-slate-500">({t("engagement.prepaid")})</span>}
            </Td>
            <Td className="text-right tabular-nums">{formatShareBp(m.shareBp, locale)}</Td>
            <Td className="text-right tabular-nums" data-testid="milestone-amount">
              {money(m.amountMinor)}
            </Td>
            <Td>
              <StateBadge state={m.state} label={t(`milestoneState.${m.state}`)} />
            </Td>
            {reviewHref && (
              <Td className="text-right">
                <Link href={reviewHref(m)} className="text-teal-800 underline">
                  {t("review.open")}
                </Link>
              </Td>
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <Td className="font-semibold">{t("engagement.total")}</Td>
          <Td className="text-right tabular-nums font-semibold">
            {formatShareBp(
              milestones.reduce((s, m) => s + m.shareBp, 0),
              locale,
            )}
          </Td>
          <Td className="text-right tabular-nums font-semibold">{money(feeMinor)}</Td>
          <Td />
          {reviewHref && <Td />}
        </tr>
      </tfoot>
    </Table>
  );
}
