import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/server/domain/currency";
import { formatIsoDate } from "@/server/domain/format";
import type { ObjectiveView } from "@/server/domain/objective/objective";
import { costText, figureText, targetText } from "./objective-text";
import { VerdictBadge } from "./verdict-badge";

// An engagement's objectives, as the consultant's tab and the client's portal show them: the pain
// and what it costs, the goal, baseline -> target -> actual with its verdict, and where the actual
// is read from. The caller names the sources (it knows the milestones and clauses it may link to).

/** How a source reads and where it leads, by the source's id. */
export interface ObjectiveSourceLink {
  label: string;
  href?: string;
}

export function ObjectiveTable({
  objectives,
  currency,
  caption,
  sources,
  actions,
  detail,
}: {
  objectives: ObjectiveView[];
  /** the currency of the costs per quarter */
  currency: string;
  caption: string;
  sources: Record<string, ObjectiveSourceLink>;
  /** the consultant's buttons for one objective */
  actions?: (objective: ObjectiveView) => ReactNode;
  /** a full-width row under an objective (its editor), or null */
  detail?: (objective: ObjectiveView) => ReactNode;
}) {
  const t = useTranslations("objectives");
  const locale = useLocale();
  if (objectives.length === 0) return <p className="p-4 text-sm text-slate-600">{t("table.empty")}</p>;
  const columns = actions ? 7 : 6;
  return (
    <Table aria-label={caption}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <Th>{t("table.pain")}</Th>
          <Th>{t("table.cost")}</Th>
          <Th>{t("table.goal")}</Th>
          <Th>{t("table.figures")}</Th>
          <Th>{t("table.verdict")}</Th>
          <Th>{t("table.source")}</Th>
          {actions && <Th>{t("table.actions")}</Th>}
        </tr>
      </thead>
      <tbody>
        {objectives.map((objective) => {
          const more = detail?.(objective);
          const unit = objective.target.unit;
          const cost = costText(objective.cost, locale);
          const source = objective.source ? sources[objective.source.id] : undefined;
          return (
            <Fragment key={objective.id}>
              <tr data-objective={objective.id} data-verdict={objective.verdict}>
                <Td className="max-w-72 min-w-48">
                  <p className="font-medium">{objective.pain}</p>
                  <p className="mt-1 text-xs whitespace-pre-line text-slate-600">{objective.observedBehaviour}</p>
                </Td>
                <Td className="min-w-32">
                  {cost ?? <span className="text-slate-500">{t("table.costNotQuantified")}</span>}
                  {cost === null && objective.cost.unit && (
                    <span className="block text-xs text-slate-500">{objective.cost.unit}</span>
                  )}
                  {objective.costPerQuarterMinor !== null && (
                    <span className="block text-xs text-slate-600" data-testid="objective-cost-per-quarter">
                      {t("table.perQuarter", {
                        amount: formatMoney(objective.costPerQuarterMinor, currency, locale),
                      })}
                    </span>
                  )}
                </Td>
                <Td className="max-w-60 min-w-40">{objective.businessGoal || "–"}</Td>
                <Td className="min-w-56">
                  <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
                    <dt className="text-xs text-slate-500">{t("table.baseline")}</dt>
                    <dd data-testid="objective-baseline">
                      {objective.baseline === null ? "–" : figureText(objective.baseline, unit, locale)}
                    </dd>
                    <dt className="text-xs text-slate-500">{t("table.target")}</dt>
                    <dd className="font-medium" data-testid="objective-target">
                      {targetText(objective.target, locale)}
                      <span className="block font-mono text-xs font-normal text-slate-500">
                        {objective.target.metric}
                      </span>
                    </dd>
                    <dt className="text-xs text-slate-500">{t("table.actual")}</dt>
                    <dd data-testid="objective-actual">
                      {objective.actual === null ? (
                        <span className="text-slate-500">{t("table.notMeasured")}</span>
                      ) : (
                        figureText(objective.actual, unit, locale)
                      )}
                      {objective.actual !== null && (objective.actualAt || objective.actualDetail) && (
                        <span className="block text-xs text-slate-500">
                          {[
                            objective.actualAt ? formatIsoDate(objective.actualAt.slice(0, 10), locale) : "",
                            objective.actualDetail ?? "",
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </span>
                      )}
                    </dd>
                  </dl>
                </Td>
                <Td>
                  <VerdictBadge verdict={objective.verdict} label={t(`verdict.${objective.verdict}`)} />
                </Td>
                <Td className="min-w-40">
                  {objective.source ? (
                    <>
                      <span className="block text-xs text-slate-500">{t(`source.${objective.source.kind}`)}</span>
                      {source?.href ? (
                        <Link href={source.href} className="text-teal-800 underline">
                          {source.label}
                        </Link>
                      ) : (
                        source?.label
                      )}
                    </>
                  ) : (
                    <span className="text-slate-500">{t("source.none")}</span>
                  )}
                </Td>
                {actions && <Td>{actions(objective)}</Td>}
              </tr>
              {more ? (
                <tr>
                  <td colSpan={columns} className="border-b border-slate-100 bg-slate-50 px-3 py-3">
                    {more}
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </Table>
  );
}
