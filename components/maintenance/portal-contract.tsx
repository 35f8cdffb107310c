import { useLocale, useTranslations } from "next-intl";
import type { ContractOut } from "@/server/api/routers/maintenance/maintenance.schema";
import { feeText } from "./fee-text";
import { formatIsoDate } from "@/server/domain/format";
import { AttestUpgradeAccess } from "./attest-upgrade-access";
import { ContractStandingLine } from "./contract-standing";
import { ContractSummary } from "./contract-summary";
import { DeliveryList } from "./delivery-list";
import { GiveNotice } from "./give-notice";
import { noticeBlocked } from "./standing";
import { TermTable } from "./term-table";

/** One maintenance contract as the client reads it: what it includes and bought, its renewal, its terms. */
export function PortalContract({
  contract,
  isApprover,
  today,
}: {
  contract: ContractOut;
  isApprover: boolean;
  /** YYYY-MM-DD (UTC), the day the server judges notice by */
  today: string;
}) {
  const t = useTranslations("maintenance.portal");
  const hidden = useTranslations("invoices")("hidden");
  const page = useTranslations("maintenance.page");
  const locale = useLocale();
  const date = (iso: string) => formatIsoDate(iso, locale);
  const heading = page("contractHeading", { startsOn: date(contract.startsOn) });
  const shown =
    contract.terms.find((term) => term.current) ?? contract.terms.filter((term) => term.from <= today).at(-1);
  const latest = contract.terms.at(-1);
  const renewal = contract.nextRenewal;
  const blocked = noticeBlocked(contract, isApprover, today);
  return (
    <section aria-label={heading} data-contract={contract.id} className="space-y-5">
      <div>
        <h2 className="text-lg font-semibold">{heading}</h2>
        <ContractStandingLine contract={contract} />
      </div>
      <ContractSummary contract={contract} />
      <div>
        <h3 className="font-medium">{t("bought")}</h3>
        {shown ? (
          <>
            <p className="mb-1 text-xs text-slate-500">
              {t("boughtTerm", { index: shown.index, from: date(shown.from), to: date(shown.to) })}
            </p>
            <DeliveryList deliveries={shown.deliveries} label={t("bought")} />
          </>
        ) : (
          <p className="text-sm text-slate-500">{t("notStarted", { startsOn: date(contract.startsOn) })}</p>
        )}
      </div>
      {renewal && latest && (
        <div className="rounded-md border border-slate-200 p-3" data-testid="upcoming-renewal">
          <h3 className="font-medium">{t("renewal.title")}</h3>
          <dl className="mt-1 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">{t("renewal.date")}</dt>
            <dd>{date(renewal.date)}</dd>
            <dt className="text-slate-600">{t("renewal.fee")}</dt>
            <dd className="tabular-nums">{feeText(renewal.feeMinor, contract.currency, locale, hidden)}</dd>
            <dt className="text-slate-600">{t("renewal.noticeDate")}</dt>
            <dd>{t("renewal.noticeBefore", { date: date(renewal.noticeDate) })}</dd>
          </dl>
          <div className="mt-3">
            {blocked === null ? (
              <GiveNotice contractId={contract.id} endsOn={date(latest.to)} />
            ) : (
              <p className="text-sm text-slate-600" data-testid="notice-unavailable" data-reason={blocked}>
                {blocked === "viewer"
                  ? t("notice.viewer")
                  : t("notice.tooLate", { noticeDate: date(renewal.noticeDate), date: date(renewal.date) })}
              </p>
            )}
          </div>
        </div>
      )}
      <div>
        <h3 className="mb-2 font-medium">{t("terms")}</h3>
        <TermTable
          terms={contract.terms}
          currency={contract.currency}
          caption={page("terms.caption", { heading })}
          accessAction={
            isApprover
              ? (term) => (term.from <= today ? <AttestUpgradeAccess termId={term.id} index={term.index} /> : null)
              : undefined
          }
        />
      </div>
    </section>
  );
}
