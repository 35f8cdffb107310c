import { useLocale, useTranslations } from "next-intl";
import type { ContractOut } from "@/server/api/routers/maintenance/maintenance.schema";
import { feeText } from "./fee-text";
import { formatIsoDate } from "@/server/domain/format";
import { standingOf } from "./standing";

/** Where the contract is going: its next renewal (date, fee, notice date) or the day it ends. */
export function ContractStandingLine({ contract }: { contract: ContractOut }) {
  const t = useTranslations("maintenance.page.standing");
  const hidden = useTranslations("invoices")("hidden");
  const locale = useLocale();
  const date = (iso: string) => formatIsoDate(iso, locale);
  const standing = standingOf(contract);
  const lastDay = contract.endsOn ?? contract.terms.at(-1)?.to ?? contract.startsOn;
  const text =
    standing === "notice-given"
      ? t("noticeGiven", {
          date: contract.noticeGivenAt ? date(contract.noticeGivenAt.slice(0, 10)) : "",
          by: contract.noticeGivenBy ?? t("theClient"),
          endsOn: date(lastDay),
        })
      : standing === "renews" && contract.nextRenewal
        ? t("renews", {
            date: date(contract.nextRenewal.date),
            fee: feeText(contract.nextRenewal.feeMinor, contract.currency, locale, hidden),
            noticeDate: date(contract.nextRenewal.noticeDate),
          })
        : t("ends", { endsOn: date(lastDay) });
  return (
    <p
      className={standing === "renews" ? "text-sm" : "text-sm font-medium text-amber-900"}
      data-testid="contract-standing"
      data-standing={standing}
    >
      {text}
    </p>
  );
}
