import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { NumberingForm } from "./_components/numbering-form";
import { RenewalForm } from "./_components/renewal-form";
import { SellerForm } from "./_components/seller-form";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const [seller, numbering, renewals, me] = await loadForPage((api) =>
    Promise.all([api.organisation.seller(), api.organisation.numbering(), api.organisation.renewals(), api.me.get()]),
  );
  const t = await getTranslations("settings");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <Card className="mt-6 max-w-2xl p-4">
        <SellerForm seller={seller} />
      </Card>
      <h2 className="mt-8 text-lg font-semibold">{t("numbering")}</h2>
      <Card className="mt-3 max-w-2xl p-4">
        <NumberingForm numbering={numbering} />
      </Card>
      <h2 className="mt-8 text-lg font-semibold">{t("renewals.title")}</h2>
      <Card className="mt-3 max-w-2xl p-4">
        <RenewalForm renewalAutoIssue={renewals.renewalAutoIssue} isOwner={me.role === "owner"} />
      </Card>
      {me.role === "owner" && (
        <p className="mt-8">
          <Link href="/settings/jobs" className="text-sm text-teal-800 underline-offset-2 hover:underline">
            {t("jobsLink")}
          </Link>
        </p>
      )}
    </>
  );
}
