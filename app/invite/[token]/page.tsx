import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { invitationForPage } from "@/server/api/invitations-public";
import { AcceptInvitationForm } from "./_components/accept-form";

export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await invitationForPage(token);
  const t = await getTranslations();
  // an unusable link tells nothing about whom it was for, so not which workspace it joins either
  const title =
    invitation.status !== "pending"
      ? t("invite.titleGone")
      : invitation.client === null
        ? t("invite.titleConsultant", { organisation: invitation.organisation ?? "" })
        : t("invite.title");
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <Card className="w-full max-w-md p-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-teal-700">{t("common.appName")}</p>
        <h1 className="mt-1 text-xl font-semibold">{title}</h1>
        {invitation.status === "pending" ? (
          <>
            <p className="mt-2 text-sm text-slate-600">
              {invitation.client === null
                ? t("invite.introConsultant", {
                    organisation: invitation.organisation ?? "",
                    email: invitation.email ?? "",
                  })
                : t("invite.intro", {
                    organisation: invitation.organisation ?? "",
                    email: invitation.email ?? "",
                    client: invitation.client,
                    role: t(`clients.roles.${invitation.role ?? "viewer"}`),
                  })}
            </p>
            <AcceptInvitationForm token={token} email={invitation.email ?? ""} />
          </>
        ) : (
          <>
            <p role="alert" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t(`invite.gone.${invitation.status}`)}
            </p>
            <Link href="/signin" className="mt-4 inline-block text-sm text-teal-800 underline">
              {t("invite.signIn")}
            </Link>
          </>
        )}
      </Card>
    </main>
  );
}
