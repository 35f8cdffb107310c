import { getTranslations } from "next-intl/server";
import { emptyPackageDraft } from "@/components/package/form-values";
import { PackageForm } from "@/components/package/package-form";

export const dynamic = "force-dynamic";

export default async function NewPackagePage() {
  const t = await getTranslations("packages");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("newIntro")}</p>
      <div className="mt-6">
        <PackageForm initial={emptyPackageDraft()} />
      </div>
    </>
  );
}
