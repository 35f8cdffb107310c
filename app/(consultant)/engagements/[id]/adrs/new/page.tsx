import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { NewAdr } from "../_components/new-adr";

export const dynamic = "force-dynamic";

export default async function NewAdrPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const engagement = await loadForPage((api) => api.engagement.get({ id }));
  const t = await getTranslations("adrs");
  return (
    <>
      <a href={`/engagements/${engagement.id}`} className="text-sm text-teal-800 underline">
        {engagement.title}
      </a>
      <h1 className="mt-2 text-2xl font-semibold">{t("new")}</h1>
      <Card className="mt-4 max-w-3xl p-4">
        <NewAdr
          engagementId={engagement.id}
          today={new Date().toISOString().slice(0, 10)}
          currency={engagement.currency}
        />
      </Card>
    </>
  );
}
