import { getTranslations } from "next-intl/server";
import { ProposalList } from "@/components/proposal/proposal-list";
import { PROPOSAL_PAGE_SIZE } from "@/components/proposal/view-values";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

/** The proposals the consultant sent this client, open ones to decide and past ones to read. */
export default async function PortalProposalsPage() {
  const first = await loadForPage((api) => api.portal.proposals({ limit: PROPOSAL_PAGE_SIZE }));
  const t = await getTranslations("proposalPages.portal");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <Card className="mt-6">
        <ProposalList area="portal" first={first} />
      </Card>
    </>
  );
}
