import { useLocale, useTranslations } from "next-intl";
import type { ContractOut } from "@/server/api/routers/maintenance/maintenance.schema";
import { feeText } from "./fee-text";
import { formatIsoDate } from "@/server/domain/format";

/** A contract's terms as agreed: term length, start, fee, what a term includes, SLA clauses, renewal. */
export function ContractSummary({ contract }: { contract: ContractOut }) {
  const t = useTranslations("maintenance.page.summary");
  const hidden = useTranslations("invoices")("hidden");
  const locale = useLocale();
  const rows: { label: string; value: string; mono?: boolean }[] = [
    {
      label: t("term"),
      value: t("termValue", { months: contract.termMonths, startsOn: formatIsoDate(contract.startsOn, locale) }),
    },
    { label: t("fee"), value: feeText(contract.feeMinor, contract.currency, locale, hidden) },
    {
      label: t("renewal"),
      value: contract.autoRenew ? t("autoRenew", { days: contract.noticeDays }) : t("noRenewal"),
    },
    {
      label: t("clauses"),
      value: contract.clauses.length ? contract.clauses.map((clause) => clause.name).join(", ") : t("none"),
    },
    { label: t("releases"), value: contract.releaseTagPattern, mono: true },
  ];
  return (
    <div className="space-y-3 text-sm">
      <div>
        <p className="font-medium">{t("includes")}</p>
        <p className="whitespace-pre-line text-slate-700" data-testid="contract-includes">
          {contract.includes || t("nothingWritten")}
        </p>
      </div>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {rows.map(({ label, value, mono }) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className={mono ? "font-mono" : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
