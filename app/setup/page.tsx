import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { isSetupOpen } from "@/server/api/setup";
import { SetupForm } from "./_components/setup-form";

export const dynamic = "force-dynamic";

// Only on an installation without any organisation; afterwards the page does not exist.
export default async function SetupPage() {
  if (!(await isSetupOpen())) notFound();
  const t = await getTranslations("setup");
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <Card className="w-full max-w-md p-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-teal-700">{t("eyebrow")}</p>
        <h1 className="mt-1 text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        <SetupForm />
      </Card>
    </main>
  );
}
