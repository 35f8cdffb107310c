import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { activeSession } from "@/server/api/caller";
import { isSetupOpen } from "@/server/api/setup";
import { homePathFor } from "@/server/domain/roles";
import { SignInForm } from "./_components/sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const session = await activeSession();
  if (session) redirect(homePathFor(session.role));
  const t = await getTranslations();
  const { error } = await searchParams;
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <Card className="w-full max-w-sm p-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-teal-700">{t("common.appName")}</p>
        <h1 className="mt-1 text-xl font-semibold">{t("signin.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("signin.intro")}</p>
        <SignInForm initialError={error === "RateLimited" ? "rateLimited" : error ? "invalid" : null} />
        {(await isSetupOpen()) && (
          <p className="mt-4 text-sm text-slate-600">
            {t("signin.setupHint")}{" "}
            <Link href="/setup" className="text-teal-800 underline">
              {t("signin.setupLink")}
            </Link>
          </p>
        )}
      </Card>
    </main>
  );
}
