import { getLocale, getTranslations } from "next-intl/server";
import { DecisionForm } from "@/components/proposal/decision-form";
import { PdfLinks } from "@/components/proposal/pdf-links";
import { ProposalContent } from "@/components/proposal/proposal-content";
import { ProposalStatus } from "@/components/proposal/proposal-status";
import { isOpen } from "@/components/proposal/view-values";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { formatIsoDate } from "@/server/domain/format";

export const dynamic = "force-dynamic";

/** A proposal to the client: the approver decides an open one; a viewer reads it. */
export default async function PortalProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [proposal, me] = await loadForPage((api) =>
    Promise.all([api.portal.proposal({ proposalId: id }), api.me.get()]),
  );
  const t = await getTranslations("proposalPages.portal");
  const locale = await getLocale();
  const open = isOpen(proposal.standing);
  return (
    <>
      <ProposalStatus proposal={proposal} area="portal" />
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        {open && (
          <p className="text-sm font-medium text-sky-900">
            {t("awaiting", { date: formatIsoDate(proposal.validUntil, locale) })}{" "}
            {me.role === "approver" && (
              <a href="#decision" className="text-teal-800 underline">
                {t("decide")}
              </a>
            )}
          </p>
        )}
        <PdfLinks proposalId={proposal.id} />
      </div>
      <ProposalContent proposal={proposal} />
      {open && (
        <Card id="decision" className="mt-6 p-5">
          {me.role === "approver" ? (
            <DecisionForm proposalId={proposal.id} number={proposal.number} />
          ) : (
            <p className="text-sm text-slate-600" data-testid="viewer-note">
              {t("viewerNote")}
            </p>
          )}
        </Card>
      )}
    </>
  );
}
