import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { loadForPage } from "@/server/api/caller";
import { DeactivateButton } from "./_components/deactivate-button";
import { InvitationActions } from "@/components/invitation-actions";
import { InviteForm } from "./_components/invite-form";

export const dynamic = "force-dynamic";

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [client, invitations] = await loadForPage((api) =>
    Promise.all([api.client.get({ id }), api.invitation.list({ clientId: id })]),
  );
  const t = await getTranslations("clients");
  const locale = await getLocale();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <>
      <Link href="/clients" className="text-sm text-teal-800 hover:underline">
        ← {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{client.name}</h1>

      <h2 className="mt-8 text-lg font-semibold">{t("users")}</h2>
      <Card className="mt-3">
        {client.users.length === 0 ? (
          <p className="p-4 text-sm text-slate-600">{t("noUsers")}</p>
        ) : (
          <Table aria-label={t("users")}>
            <thead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("email")}</Th>
                <Th>{t("role")}</Th>
                <Th>{t("status")}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {client.users.map((user) => (
                <tr key={user.id} data-client-user={user.email}>
                  <Td>{user.name}</Td>
                  <Td>{user.email}</Td>
                  <Td>{t(`roles.${user.role}`)}</Td>
                  <Td>{user.active ? t("active") : t("inactive")}</Td>
                  <Td className="text-right">
                    {user.active && <DeactivateButton clientUserId={user.id} name={user.name} />}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <h2 className="mt-8 text-lg font-semibold">{t("invitations")}</h2>
      <Card className="mt-3">
        {invitations.length === 0 ? (
          <p className="p-4 text-sm text-slate-600">{t("noInvitations")}</p>
        ) : (
          <Table aria-label={t("invitations")}>
            <thead>
              <tr>
                <Th>{t("email")}</Th>
                <Th>{t("role")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("expires")}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id} data-invitation={invitation.email} data-status={invitation.status}>
                  <Td>{invitation.email}</Td>
                  <Td>{t(`roles.${invitation.role}`)}</Td>
                  <Td>{t(`invitationStatus.${invitation.status}`)}</Td>
                  <Td className="tabular-nums">{when.format(new Date(invitation.expiresAt))} UTC</Td>
                  <Td className="text-right">
                    {(invitation.status === "pending" || invitation.status === "expired") && (
                      <InvitationActions invitationId={invitation.id} />
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <h2 className="mt-8 text-lg font-semibold">{t("invite")}</h2>
      <Card className="mt-3 p-4">
        <InviteForm clientId={client.id} />
      </Card>
    </>
  );
}
