import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdrDetail } from "@/components/adr/adr-detail";
import { AdrPageLinks } from "@/components/adr/adr-page-links";
import { Card } from "@/components/ui/card";
import { activeSession, loadForPage } from "@/server/api/caller";
import { AcknowledgeButton } from "./acknowledge-button";

export const dynamic = "force-dynamic";

export default async function PortalAdrPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const { id, number } = await params;
  const [engagement, adrs] = await loadForPage((api) =>
    Promise.all([api.portal.engagement.get({ id }), api.portal.adr.list({ engagementId: id })]),
  );
  const adr = adrs.find((candidate) => String(candidate.number) === number);
  if (!adr) notFound();
  const t = await getTranslations("adrs");
  const session = await activeSession();
  const numbers = new Set(adrs.map((a) => a.number));
  const mine = adr.acknowledgements.some((a) => a.current && a.mine);
  return (
    <>
      <AdrPageLinks
        engagementHref={`/portal/engagements/${engagement.id}`}
        engagementTitle={engagement.title}
        pdfHref={`/api/v1/engagements/${engagement.id}/adrs/pdf?number=${adr.number}`}
      />
      <Card className="mt-3 p-4">
        <AdrDetail
          adr={adr}
          hrefOf={(n) => (numbers.has(n) ? `/portal/engagements/${engagement.id}/adrs/${n}` : null)}
        />
      </Card>
      {session?.role === "approver" && (
        <Card className="mt-4 p-4">
          {mine ? (
            <p role="status">{t("youAcknowledged")}</p>
          ) : (
            <AcknowledgeButton adrId={adr.id} contentSha256={adr.contentSha256} />
          )}
        </Card>
      )}
    </>
  );
}
