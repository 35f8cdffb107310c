import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { TabBar } from "@/components/tab-bar";
import { Button } from "@/components/ui/button";
import { EngagementHeading } from "./_components/engagement-heading";
import { ENGAGEMENT_TABS, engagementTabHref } from "./_components/engagement-tabs";
import { loadEngagement } from "./_components/load-engagement";

export const dynamic = "force-dynamic";

export default async function EngagementLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const engagement = await loadEngagement(id);
  const t = await getTranslations();
  const tabs = ENGAGEMENT_TABS.map((tab) => ({
    href: engagementTabHref(engagement.id, tab.segment),
    label: t(`engagementTabs.${tab.key}`),
    alsoActiveUnder:
      "alsoUnder" in tab ? tab.alsoUnder.map((segment) => engagementTabHref(engagement.id, segment)) : undefined,
  }));
  return (
    <>
      <Link href="/engagements" className="text-sm text-teal-800 hover:underline">
        ← {t("engagement.back")}
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <EngagementHeading
          title={engagement.title}
          tabPaths={tabs.map((tab) => tab.href)}
          overviewHref={engagementTabHref(engagement.id, "")}
        />
        {engagement.milestones.every((m) => m.state === "planned" && m.evidenceCount === 0) && (
          <Button asChild variant="secondary">
            <Link href={`/engagements/${engagement.id}/plan`}>{t("engagement.editPlan")}</Link>
          </Button>
        )}
      </div>
      <TabBar label={t("engagementTabs.label")} tabs={tabs} />
      <div className="mt-6">{children}</div>
    </>
  );
}
