import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PackageTable } from "@/components/package/package-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

export default async function PackagesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const includeArchived = (await searchParams).archived === "1";
  const packages = await loadForPage((api) => api.servicePackage.list({ includeArchived }));
  const t = await getTranslations("packages");
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        </div>
        <Button asChild>
          <Link href="/packages/new">{t("new")}</Link>
        </Button>
      </div>
      <p className="mt-4 text-sm">
        <Link href={includeArchived ? "/packages" : "/packages?archived=1"} className="text-teal-800 hover:underline">
          {includeArchived ? t("hideArchived") : t("showArchived")}
        </Link>
      </p>
      <Card className="mt-3">
        {packages.length === 0 ? (
          <p className="p-6 text-slate-600">{t("empty")}</p>
        ) : (
          <PackageTable packages={packages} />
        )}
      </Card>
    </>
  );
}
