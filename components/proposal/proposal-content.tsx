import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { costText, figureText, targetText } from "@/components/objective/objective-text";
import { ClauseTerms } from "@/components/sla/clause-terms";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/server/domain/currency";
import { formatIsoDate, formatShareBp } from "@/server/domain/format";
import { taxMinor } from "@/server/domain/invoice";
import type { OfferObjectiveLink, ProposalView } from "@/server/domain/proposal/proposal";
import { PriceBreakdown } from "./price-breakdown";
import { RequirementText } from "./requirement-text";

// The proposal as the client reads it, the same on the consultant's page and in the portal: the terms,
// the price with its formula, the milestones with their amounts and what opens each gate, the SLA
// clauses and the objectives.

const section = "mt-6 p-5";

export function ProposalContent({ proposal }: { proposal: ProposalView }) {
  const t = useTranslations("proposalPages.view");
  const locale = useLocale();
  const { offer, currency } = proposal;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const tax = taxMinor(proposal.priceMinor, proposal.taxRateBp);
  return (
    <>
      <Card className={section}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="proposal-terms">
          <dt className="text-slate-600">{t("client")}</dt>
          <dd>{proposal.client.name}</dd>
          <dt className="text-slate-600">{t("package")}</dt>
          <dd>
            {offer.package.name}{" "}
            <span className="text-slate-500">
              ({t(`business.${offer.package.business}`)} · {t(`tier.${offer.package.tier}`)})
            </span>
          </dd>
          <dt className="text-slate-600">{t("startDate")}</dt>
          <dd>{formatIsoDate(proposal.startDate, locale)}</dd>
          <dt className="text-slate-600">{t("validUntil")}</dt>
          <dd data-testid="proposal-valid-until">{formatIsoDate(proposal.validUntil, locale)}</dd>
          <dt className="text-slate-600">{t("paymentTerms")}</dt>
          <dd>{t("paymentTermsDays", { days: proposal.paymentTermsDays })}</dd>
        </dl>
      </Card>

      <OfferSection id="proposal-price" title={t("price")}>
        <PriceBreakdown price={proposal.price} currency={currency} />
        <dl className="mt-3 grid max-w-md grid-cols-[1fr_max-content] gap-x-6 gap-y-1 text-sm tabular-nums">
          <dt>{t("subtotal")}</dt>
          <dd className="text-right" data-testid="proposal-price">
            {money(proposal.priceMinor)}
          </dd>
          <dt>{t("tax", { rate: formatShareBp(proposal.taxRateBp, locale) })}</dt>
          <dd className="text-right">{money(tax)}</dd>
          <dt className="font-semibold">{t("total")}</dt>
          <dd className="text-right font-semibold">{money(proposal.priceMinor + tax)}</dd>
        </dl>
      </OfferSection>

      <OfferSection id="proposal-milestones" title={t("milestones")}>
        <Table className="mt-3" aria-label={t("milestones")}>
          <thead>
            <tr>
              <Th>{t("milestone")}</Th>
              <Th className="text-right">{t("share")}</Th>
              <Th className="text-right">{t("amount")}</Th>
              <Th>{t("gate")}</Th>
            </tr>
          </thead>
          <tbody>
            {offer.milestones.map((milestone, index) => (
              <tr key={milestone.key} data-offer-milestone={milestone.key}>
                <Td className="font-medium">{milestone.title}</Td>
                <Td className="text-right tabular-nums">{formatShareBp(milestone.shareBp, locale)}</Td>
                <Td className="text-right tabular-nums">{money(proposal.milestoneAmountsMinor[index] ?? 0)}</Td>
                <Td>
                  <ul className="space-y-0.5">
                    {milestone.requirements.map((requirement, position) => (
                      <li key={position}>
                        <RequirementText requirement={requirement} />
                      </li>
                    ))}
                    <li className="text-slate-600">{t("clientApproval")}</li>
                  </ul>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </OfferSection>

      <OfferSection id="proposal-sla" title={t("slaClauses")}>
        {offer.slaClauses.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("noSlaClauses")}</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {offer.slaClauses.map((clause) => (
              <li key={clause.title} data-offer-clause={clause.title}>
                <h3 className="mb-1 font-medium">{clause.title}</h3>
                <ClauseTerms terms={clause} currency={currency} />
              </li>
            ))}
          </ul>
        )}
      </OfferSection>

      <OfferSection id="proposal-objectives" title={t("objectives")}>
        {offer.objectives.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("noObjectives")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 text-sm">
            {offer.objectives.map((objective, index) => {
              const cost = costText(objective.cost, locale);
              return (
                <li key={index} className="py-2" data-offer-objective={index}>
                  <p className="font-medium">{objective.pain}</p>
                  <p className="text-slate-700">{objective.observedBehaviour}</p>
                  {cost && <p className="text-slate-600">{t("cost", { cost })}</p>}
                  {objective.businessGoal && <p>{t("goal", { goal: objective.businessGoal })}</p>}
                  <p>
                    {t("target")}: <span className="font-mono text-xs">{objective.target.metric}</span>{" "}
                    {targetText(objective.target, locale)}
                    {objective.baseline !== null &&
                      ` · ${t("baseline", { baseline: figureText(objective.baseline, objective.target.unit, locale) })}`}
                  </p>
                  {objective.link && <p className="text-xs text-slate-500">{linkText(objective.link)}</p>}
                </li>
              );
            })}
          </ul>
        )}
      </OfferSection>
    </>
  );

  function linkText(link: OfferObjectiveLink): string {
    if (link.kind === "sla_clause") return t("linkClause", { title: offer.slaClauses[link.index]?.title ?? "?" });
    const milestone = offer.milestones.find((m) => m.key === link.milestoneKey);
    return t("linkRequirement", { milestone: milestone?.title ?? link.milestoneKey });
  }
}

/** One part of the offer: a card headed by its title, which names the section for assistive technology. */
function OfferSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Card className={section}>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
      </Card>
    </section>
  );
}
