import { getLocale, getTranslations } from "next-intl/server";
import { InvitationActions } from "@/components/invitation-actions";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { loadForPage } from "@/server/api/caller";
import { DeactivateMemberButton } from "./_components/deactivate-member-button";
import { InviteConsultantForm } from "./_components/invite-consultant-form";

export const dynamic = "force-dynamic";

export default async function TeamPage() {
  const [team, me] = await loadForPage((api) => Promise.all([api.team.list(), api.me.get()]));
  const t = await getTranslations("team");
  const tc = await getTranslations("clients");
  const when = new Intl.DateTimeFormat(await getLocale(), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const owner = me.role === "owner";
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{owner ? t("introOwner") : t("intro")}</p>

      <Card className="mt-6">
        <Table aria-label={t("members")}>
          <thead>
            <tr>
              <Th>{tc("name")}</Th>
              <Th>{tc("email")}</Th>
              <Th>{tc("role")}</Th>
              <Th>{tc("status")}</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {team.members.map((member) => (
              <tr key={member.userId} data-member={member.email}>
                <Td>{member.name}</Td>
                <Td>{member.email}</Td>
                <Td>{t(`roles.${member.role}`)}</Td>
                <Td>{member.active ? tc("active") : tc("inactive")}</Td>
                <Td className="text-right">
                  {owner && member.active && member.role !== "owner" && (
                    <DeactivateMemberButton userId={member.userId} name={member.name} />
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>

      <h2 className="mt-8 text-lg font-semibold">{tc("invitations")}</h2>
      <Card className="mt-3">
        {team.invitations.length === 0 ? (
          <p className="p-4 text-sm text-slate-600">{tc("noInvitations")}</p>
        ) : (
          <Table aria-label={tc("invitations")}>
            <thead>
              <tr>
                <Th>{tc("email")}</Th>
                <Th>{tc("status")}</Th>
                <Th>{tc("expires")}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {team.invitations.map((invitation) => (
                <tr key={invitation.id} data-invitation={invitation.email} data-status={invitation.status}>
                  <Td>{invitation.email}</Td>
                  <Td>{tc(`invitationStatus.${invitation.status}`)}</Td>
                  <Td className="tabular-nums">{when.format(new Date(invitation.expiresAt))} UTC</Td>
                  <Td className="text-right">
                    {owner && (invitation.status === "pending" || invitation.status === "expired") && (
                      <InvitationActions invitationId={invitation.id} />
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      {owner && (
        <>
          <h2 className="mt-8 text-lg font-semibold">{t("invite")}</h2>
          <Card className="mt-3 p-4">
            <InviteConsultantForm />
          </Card>
        </>
      )}
    </>
  );
}
