import { getTranslations } from "next-intl/server";
import { ArchivePackageButton } from "@/components/package/archive-button";
import { draftFromFields } from "@/components/package/form-values";
import { PackageForm } from "@/components/package/package-form";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

export default async function PackagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await loadForPage((api) => api.servicePackage.get({ packageId: id }));
  const t = await getTranslations("packages");
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{found.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {t("revision", { revision: found.revision })} · {t("proposals", { count: found.proposalCount })}
            {found.archived && <> · {t("archived")}</>}
          </p>
          {found.archived && <p className="mt-1 text-sm text-amber-800">{t("archivedNote")}</p>}
        </div>
        <ArchivePackageButton packageId={found.id} archived={found.archived} />
      </div>
      <div className="mt-6">
        <PackageForm
          key={found.id}
          initial={draftFromFields(found)}
          editing={{ packageId: found.id, revision: found.revision }}
        />
      </div>
    </>
  );
}
