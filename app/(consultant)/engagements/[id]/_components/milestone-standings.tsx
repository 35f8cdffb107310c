import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StateBadge } from "@/components/ui/badge";
import type { EngagementDetailOut } from "@/server/api/routers/engagement/engagement.schema";
import { formatMoney } from "@/server/domain/currency";
import { formatShareBp } from "@/server/domain/format";
import { milestoneStanding, type MilestoneStanding } from "@/server/domain/milestone-standing";
import { engagementTabHref } from "./engagement-tabs";

const ACTED_ON_INVOICES: ReadonlySet<MilestoneStanding> = new Set(["ready_to_invoice", "awaiting_payment", "paid"]);

/** Each milestone's state and what it waits for, linked to the tab where that is done. */
export async function MilestoneStandings({ engagement }: { engagement: EngagementDetailOut }) {
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <ol className="divide-y divide-slate-100" aria-label={t("engagement.milestones")}>
      {engagement.milestones.map((m) => {
        const standing = milestoneStanding({ state: m.state, kind: m.kind, gateOpen: m.gate.open });
        const href = ACTED_ON_INVOICES.has(standing)
          ? engagementTabHref(engagement.id, "invoices")
          : `${engagementTabHref(engagement.id, "milestones")}#milestone-${m.id}`;
        return (
          <li
            key={m.id}
            data-milestone={m.key}
            data-milestone-id={m.id}
            data-standing={standing}
            className="flex flex-wrap items-center justify-between gap-2 p-3"
          >
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{m.title}</span>
                <StateBadge state={m.state} label={t(`milestoneState.${m.state}`)} />
              </div>
              <p className="text-sm text-slate-600">
                <span className="tabular-nums">{formatShareBp(m.shareBp, locale)}</span> ·{" "}
                <span className="font-medium tabular-nums" data-testid="milestone-amount">
                  {formatMoney(m.amountMinor, engagement.currency, locale)}
                </span>
              </p>
            </div>
            <Link href={href} className="text-sm text-teal-800 underline" data-testid="milestone-standing">
              {t(`standing.${standing}`, { count: m.gate.checks.filter((c) => !c.met).length })}
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
