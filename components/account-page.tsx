import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/change-password-form";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";

/** The signed-in user's own account, for consultants and client users alike. */
export async function AccountPage() {
  const me = await loadForPage((api) => api.me.get());
  const t = await getTranslations("account");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("signedInAs", { name: me.name, email: me.email })}</p>
      <h2 className="mt-8 text-lg font-semibold">{t("changePassword")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("changeIntro")}</p>
      <Card className="mt-3 p-4">
        <ChangePasswordForm />
      </Card>
    </>
  );
}
