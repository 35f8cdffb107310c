import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BenchmarkReportView } from "@/components/benchmark-report/benchmark-report-view";
import { benchmarkReportForPage, pageContent } from "@/server/services/evidence/benchmark-report";
import { activeSession } from "@/server/api/caller";

export const dynamic = "force-dynamic";

export default async function MilestoneBenchmarksPage({
  params,
}: {
  params: Promise<{ id: string; milestoneId: string }>;
}) {
  const { id, milestoneId } = await params;
  const answer = await benchmarkReportForPage(await activeSession(), milestoneId);
  // the milestone must belong to the engagement in the address, or the page does not exist
  if (!answer || answer.engagement.id !== id) notFound();
  const t = await getTranslations("benchmarkReport");
  return (
    <BenchmarkReportView
      milestoneTitle={answer.milestone.title}
      engagementTitle={answer.engagement.title}
      backHref={`/engagements/${id}/milestones`}
      backLabel={t("back")}
      apiHref={`/api/v1/milestones/${milestoneId}/benchmark-report`}
      content={pageContent(answer.content)}
    />
  );
}
