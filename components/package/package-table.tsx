import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/server/domain/currency";
import type { ServicePackageView } from "@/server/domain/proposal/package";
import { computePrice } from "@/server/domain/proposal/price";

/** The organisation's packages: what each sells, how it is priced, what it commits to. */
export function PackageTable({ packages }: { packages: ServicePackageView[] }) {
  const t = useTranslations("packages");
  const locale = useLocale();
  const pricing = (p: ServicePackageView) => {
    const price = computePrice(p.pricing, {}, p.currency, locale);
    const total = formatMoney(price.totalMinor, p.currency, locale);
    return p.pricing.type === "fixed"
      ? t("pricingFixed", { amount: total })
      : t("pricingFormula", {
          amount: total,
          quantities: p.pricing.rateCard.map((line) => line.label).join(", "),
        });
  };
  return (
    <Table data-testid="package-table">
      <thead>
        <tr>
          <Th>{t("columns.name")}</Th>
          <Th>{t("columns.business")}</Th>
          <Th>{t("columns.tier")}</Th>
          <Th>{t("columns.pricing")}</Th>
          <Th className="text-right">{t("columns.milestones")}</Th>
          <Th className="text-right">{t("columns.slaClauses")}</Th>
          <Th>{t("columns.status")}</Th>
        </tr>
      </thead>
      <tbody>
        {packages.map((p) => (
          <tr key={p.id} data-package={p.name}>
            <Td>
              <Link href={`/packages/${p.id}`} className="font-medium text-teal-800 hover:underline">
                {p.name}
              </Link>
            </Td>
            <Td>{t(`business.${p.business}`)}</Td>
            <Td>{t(`tier.${p.tier}`)}</Td>
            <Td>{pricing(p)}</Td>
            <Td className="text-right tabular-nums">{p.milestones.length}</Td>
            <Td className="text-right tabular-nums">{p.slaClauses.length}</Td>
            <Td>{p.archived ? t("archived") : t("active")}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
