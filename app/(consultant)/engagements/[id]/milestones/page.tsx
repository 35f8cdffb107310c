import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ApiTokens } from "../_components/api-tokens";
import { ChangeOrderForm } from "../_components/change-order-form";
import { loadEngagement } from "../_components/load-engagement";
import { MilestoneCard } from "../_components/milestone-card";

export const dynamic = "force-dynamic";

export default async function EngagementMilestonesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const engagement = await loadEngagement(id);
  const t = await getTranslations();
  return (
    <>
      <h2 className="text-lg font-semibold">{t("engagementTabs.milestones")}</h2>
      <ol className="mt-3 space-y-4" aria-label={t("engagement.milestones")}>
        {engagement.milestones.map((m, index) => (
          <li
            key={m.id}
            id={`milestone-${m.id}`}
            data-milestone={m.key}
            data-milestone-id={m.id}
            className="scroll-mt-4"
          >
            <MilestoneCard engagement={engagement} milestone={m} index={index} />
          </li>
        ))}
      </ol>

      <details className="mt-8">
        <summary className="cursor-pointer text-lg font-semibold">{t("changeOrder.title")}</summary>
        <Card className="mt-3">
          <ChangeOrderForm
            engagementId={engagement.id}
            currency={engagement.currency}
            feeMinor={engagement.feeMinor}
            milestones={engagement.milestones.map((m) => ({
              id: m.id,
              title: m.title,
              state: m.state,
              shareBp: m.shareBp,
              amountMinor: m.amountMinor,
              invoicedAmountMinor: m.invoicedAmountMinor,
            }))}
          />
        </Card>
      </details>

      <details className="mt-4">
        <summary className="cursor-pointer text-lg font-semibold">{t("tokens.title")}</summary>
        <Card className="mt-3">
          <ApiTokens
            engagementId={engagement.id}
            milestones={engagement.milestones.map((m) => ({ id: m.id, key: m.key }))}
          />
        </Card>
      </details>
    </>
  );
}
