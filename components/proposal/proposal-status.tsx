import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { formatIsoDate } from "@/server/domain/format";
import type { ProposalView } from "@/server/domain/proposal/proposal";
import { StandingBadge } from "./standing-badge";
import { closedReason } from "./view-values";

/**
 * The proposal's heading and where it stands: sent and decided when, the client's comment, why it can
 * no longer be decided, the revision it replaces or was replaced by, and the engagement it became.
 */
export function ProposalStatus({ proposal, area }: { proposal: ProposalView; area: "consultant" | "portal" }) {
  const t = useTranslations("proposalPages.status");
  const locale = useLocale();
  const base = area === "consultant" ? "/proposals" : "/portal/proposals";
  const engagementBase = area === "consultant" ? "/engagements" : "/portal/engagements";
  const day = (instant: string) => formatIsoDate(instant.slice(0, 10), locale);
  const reason = closedReason(proposal);
  return (
    <header>
      <p className="text-sm text-slate-600">
        <Link href={base} className="text-teal-800 underline">
          {t("all")}
        </Link>{" "}
        · <span data-testid="proposal-number">{proposal.number}</span>
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{proposal.title}</h1>
        <StandingBadge standing={proposal.standing} />
      </div>
      <ul className="mt-2 space-y-0.5 text-sm text-slate-700" data-testid="proposal-status">
        {proposal.sentAt && <li>{t("sentOn", { date: day(proposal.sentAt) })}</li>}
        {proposal.decidedAt && (
          <li>
            {t(proposal.status === "accepted" ? "acceptedOn" : "declinedOn", { date: day(proposal.decidedAt) })}
            {proposal.decisionComment && <q className="ml-1 text-slate-600">{proposal.decisionComment}</q>}
          </li>
        )}
        {reason && reason.key !== "accepted" && reason.key !== "declined" && (
          <li role="note" data-closed-reason={reason.key} className="font-medium text-slate-800">
            {reason.key === "expired" && t("expiredOn", { date: formatIsoDate(reason.date, locale) })}
            {reason.key === "superseded" && (
              <>
                {t("superseded")}{" "}
                {reason.by && (
                  <Link href={`${base}/${reason.by}`} className="text-teal-800 underline">
                    {t("seeRevision")}
                  </Link>
                )}
              </>
            )}
            {reason.key === "withdrawn" && t("withdrawn")}
            {reason.key === "draft" && t("draft")}
          </li>
        )}
        {proposal.revisesId && area === "consultant" && (
          <li>
            <Link href={`${base}/${proposal.revisesId}`} className="text-teal-800 underline">
              {t("revises")}
            </Link>
          </li>
        )}
        {proposal.engagementId && (
          <li>
            <Link
              href={`${engagementBase}/${proposal.engagementId}`}
              className="font-medium text-teal-800 underline"
              data-testid="proposal-engagement"
            >
              {t("engagement")}
            </Link>
          </li>
        )}
      </ul>
    </header>
  );
}
