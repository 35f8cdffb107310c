import { getTranslations } from "next-intl/server";
import { InvoiceTable } from "@/components/invoice-table";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

export default async function InvoicesPage() {
  const invoices = await loadForPage((api) => api.invoice.list({}));
  const t = await getTranslations("invoices");
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        </div>
        <a href="/api/v1/invoices?format=csv" className="text-sm text-teal-800 underline" download>
          {t("csv")}
        </a>
      </div>
      <Card className="mt-6">
        <InvoiceTable invoices={invoices} showEngagement />
      </Card>
    </>
  );
}
