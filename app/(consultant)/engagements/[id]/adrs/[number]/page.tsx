import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdrDetail } from "@/components/adr/adr-detail";
import { AdrPageLinks } from "@/components/adr/adr-page-links";
import { AdrHistory } from "@/components/adr/adr-history";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { draftOf } from "@/server/domain/adr/draft";
import { AdrActions } from "../_components/adr-actions";
import { ValidationLinkForm } from "../_components/validation-link";

export const dynamic = "force-dynamic";

export default async function AdrPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const { id, number } = await params;
  const [engagement, adrs, targets] = await loadForPage((api) =>
    Promise.all([
      api.engagement.get({ id }),
      api.adr.list({ engagementId: id }),
      api.adr.validationTargets({ engagementId: id }),
    ]),
  );
  const adr = adrs.find((candidate) => String(candidate.number) === number);
  if (!adr) notFound();
  const history = await loadForPage((api) => api.adr.history({ adrId: adr.id }));
  const t = await getTranslations("adrs");
  const numbers = new Set(adrs.map((a) => a.number));
  const base = `/engagements/${engagement.id}/adrs`;
  const current = adr.validationLink ? `${adr.validationLink.kind}:${adr.validationLink.id}` : null;
  return (
    <>
      <AdrPageLinks
        engagementHref={`/engagements/${engagement.id}/decisions`}
        engagementTitle={engagement.title}
        pdfHref={`/api/v1/engagements/${engagement.id}/adrs/pdf?number=${adr.number}`}
      />
      <Card className="mt-3 p-4">
        <AdrDetail adr={adr} hrefOf={(n) => (numbers.has(n) ? `${base}/${n}` : null)} />
      </Card>
      <Card className="mt-4 space-y-4 p-4">
        <AdrActions
          adr={{
            id: adr.id,
            number: adr.number,
            status: adr.status,
            revision: adr.revision,
            draft: draftOf(adr),
            pl: adr.pl,
          }}
          engagementId={engagement.id}
          currency={engagement.currency}
        />
        <ValidationLinkForm adrId={adr.id} targets={targets} current={current} />
      </Card>
      <h2 className="mt-8 text-lg font-semibold">{t("history")}</h2>
      <Card className="mt-3 p-4">
        <AdrHistory revisions={history} />
      </Card>
    </>
  );
}
