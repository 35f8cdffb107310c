import { getTranslations } from "next-intl/server";
import { PdfLinks } from "@/components/proposal/pdf-links";
import { ProposalActions } from "@/components/proposal/proposal-actions";
import { ProposalContent } from "@/components/proposal/proposal-content";
import { ProposalStatus } from "@/components/proposal/proposal-status";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

/** A proposal as the client will read it, with what the consultant may do with it now. */
export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const proposal = await loadForPage((api) => api.proposal.get({ proposalId: id }));
  const t = await getTranslations("proposalPages.view");
  return (
    <>
      <ProposalStatus proposal={proposal} area="consultant" />
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <ProposalActions proposal={proposal} />
        <PdfLinks proposalId={proposal.id} />
      </div>
      {proposal.status === "draft" && <p className="mt-3 text-sm text-slate-600">{t("draftNote")}</p>}
      <ProposalContent proposal={proposal} />
    </>
  );
}
