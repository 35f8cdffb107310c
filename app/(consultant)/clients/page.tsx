import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

export default async function ClientsPage() {
  const clients = await loadForPage((api) => api.client.list());
  const t = await getTranslations("clients");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Card className="mt-6">
        {clients.length === 0 ? (
          <p className="p-6 text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {clients.map((client) => (
              <li key={client.id} className="flex items-center justify-between px-4 py-3">
                <span className="font-medium">{client.name}</span>
                <Link href={`/clients/${client.id}`} className="text-sm text-teal-800 hover:underline">
                  {t("open")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
