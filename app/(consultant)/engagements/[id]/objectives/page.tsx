import { getLocale, getTranslations } from "next-intl/server";
import { ObjectiveBoard } from "@/components/objective/objective-board";
import { ObjectiveForm, type SourceChoices } from "@/components/objective/objective-form";
import type { ObjectiveSourceLink } from "@/components/objective/objective-table";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";
import { MAX_OBJECTIVES, OBJECTIVE_VERDICTS } from "@/server/domain/objective/objective";
import { loadEngagement } from "../_components/load-engagement";

export const dynamic = "force-dynamic";

type LabelParams = Record<string, string | number>;

const labelParams = (params: unknown): LabelParams =>
  typeof params === "object" && params !== null
    ? (Object.fromEntries(
        Object.entries(params).filter(([, value]) => typeof value === "string" || typeof value === "number"),
      ) as LabelParams)
    : {};

/** The engagement's objectives: from the client's pain to a technical target, and how far it is. */
export default async function EngagementObjectivesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // the engagement is the layout's read (cached per request): its gates name the requirements
  const [engagement, objectives, choices] = await Promise.all([
    loadEngagement(id),
    loadForPage((api) => api.objective.list({ engagementId: id })),
    loadForPage((api) => api.objective.choices({ engagementId: id })),
  ]);
  const t = await getTranslations();
  const locale = await getLocale();

  // a requirement reads as its milestone and what it asks ("PoC: Benchmark BenchmarkSyncBlock")
  const requirementLinks = new Map<string, ObjectiveSourceLink>();
  for (const milestone of engagement.milestones)
    for (const check of milestone.gate.checks)
      requirementLinks.set(check.requirementId, {
        label: `${milestone.title}: ${t(`gate.req.${check.kind}`, labelParams(check.params))}`,
        href: `/engagements/${id}/milestones/${milestone.id}`,
      });
  const requirementLink = (requirement: { id: string; milestoneTitle: string; kind: string }) =>
    requirementLinks.get(requirement.id) ?? {
      label: `${requirement.milestoneTitle}: ${requirement.kind}`,
    };
  const sources: Record<string, ObjectiveSourceLink> = Object.fromEntries([
    ...requirementLinks,
    ...choices.requirements.map((requirement) => [requirement.id, requirementLink(requirement)] as const),
    ...choices.slaClauses.map(
      (clause) => [clause.id, { label: clause.title, href: `/engagements/${id}/sla` }] as const,
    ),
  ]);
  const sourceChoices: SourceChoices = {
    requirements: choices.requirements.map((requirement) => ({
      id: requirement.id,
      label: requirementLink(requirement).label,
    })),
    slaClauses: choices.slaClauses.map((clause) => ({ id: clause.id, label: clause.title })),
  };
  const counts = Object.fromEntries(
    OBJECTIVE_VERDICTS.map((verdict) => [verdict, objectives.filter((o) => o.verdict === verdict).length]),
  );
  const quarterly = objectives.reduce((sum, objective) => sum + (objective.costPerQuarterMinor ?? 0), 0);
  const caption = t("objectives.table.caption");

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold">{t("objectives.title")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("objectives.intro")}</p>
      </div>
      <p className="text-sm" data-testid="objective-summary">
        {t("objectives.summary", {
          count: objectives.length,
          met: counts.met ?? 0,
          notMet: counts.not_met ?? 0,
          noData: counts.no_data ?? 0,
        })}
        {quarterly > 0 && (
          <>
            {" "}
            {t("objectives.summaryCost", {
              amount: formatMoney(quarterly, engagement.currency, locale),
            })}
          </>
        )}
      </p>
      <Card>
        <ObjectiveBoard
          engagementId={id}
          currency={engagement.currency}
          objectives={objectives}
          sources={sources}
          choices={sourceChoices}
          caption={caption}
        />
      </Card>
      <Card className="p-4">
        <h3 className="mb-1 font-medium">{t("objectives.form.addTitle")}</h3>
        {objectives.length >= MAX_OBJECTIVES ? (
          <p className="text-sm text-slate-600">{t("objectives.form.limit", { max: MAX_OBJECTIVES })}</p>
        ) : (
          <ObjectiveForm engagementId={id} currency={engagement.currency} choices={sourceChoices} />
        )}
      </Card>
    </div>
  );
}
