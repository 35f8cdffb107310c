import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { emptyFormState, formStateFromProposal } from "@/components/proposal/form-values";
import { ProposalForm } from "@/components/proposal/proposal-form";
import { loadForPage } from "@/server/api/caller";
import { todayIso } from "@/server/domain/proposal/standing";

export const dynamic = "force-dynamic";

/** A new proposal, or with ?revise=<id> the next revision of one (starting from what it offered). */
export default async function NewProposalPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { revise, client } = await searchParams;
  const [clients, packages, revised] = await Promise.all([
    loadForPage((api) => api.client.list()),
    loadForPage((api) => api.servicePackage.list({ includeArchived: false })),
    typeof revise === "string" ? loadForPage((api) => api.proposal.get({ proposalId: revise })) : null,
  ]);
  const t = await getTranslations("proposalPages.form");
  const today = todayIso(new Date());
  const open = packages.filter((p) => !p.archived);
  const initial = revised
    ? formStateFromProposal(revised, open.find((p) => p.id === revised.offer.package.id) ?? null, today)
    : null;
  const clientId = typeof client === "string" && clients.some((c) => c.id === client) ? client : "";
  return (
    <>
      <p className="text-sm">
        <Link href={revised ? `/proposals/${revised.id}` : "/proposals"} className="text-teal-800 underline">
          {revised ? revised.number : t("back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">
        {revised ? t("reviseTitle", { number: revised.number }) : t("newTitle")}
      </h1>
      <p className="mt-1 text-sm text-slate-600">{revised ? t("reviseIntro") : t("intro")}</p>
      <div className="mt-6">
        <ProposalForm
          clients={clients}
          packages={open}
          today={today}
          initial={initial ?? (clientId ? emptyFormState(today, null, clientId) : null)}
          revising={revised ? { id: revised.id, number: revised.number } : null}
        />
      </div>
    </>
  );
}
