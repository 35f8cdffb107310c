import { useLocale, useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { matchLocale } from "@/server/domain/locale";
import { formatExactMoney, formatQuantity } from "@/server/domain/usage/invoice-line";
import { TierRange } from "./usage-report";

interface MeterRow {
  id: string;
  meter: string;
  unit: string;
  timezone: string;
  freeQuantity: number;
  tiers: { upTo: number | null; priceMinor: number; perQuantity: number }[];
}

/** The engagement's meters: what each counts, its month's zone, the free quantity and the graduated tiers. */
export function MeterTable({ meters, currency }: { meters: MeterRow[]; currency: string }) {
  const t = useTranslations("usage.page");
  const locale = matchLocale(useLocale()) ?? "en";
  if (meters.length === 0) return <p className="p-4 text-sm text-slate-600">{t("noMeters")}</p>;
  return (
    <Table aria-label={t("metersCaption")}>
      <thead>
        <tr>
          <Th>{t("meter")}</Th>
          <Th>{t("unit")}</Th>
          <Th>{t("timezone")}</Th>
          <Th className="text-right">{t("free")}</Th>
          <Th>{t("tiers")}</Th>
        </tr>
      </thead>
      <tbody>
        {meters.map((meter) => (
          <tr key={meter.id} data-meter={meter.meter}>
            <Td className="font-medium">{meter.meter}</Td>
            <Td>{meter.unit}</Td>
            <Td>{meter.timezone}</Td>
            <Td className="text-right tabular-nums">{formatQuantity(meter.freeQuantity, locale)}</Td>
            <Td>
              <ul>
                {meter.tiers.map((tier, index) => (
                  <li key={index}>
                    <TierRange tiers={meter.tiers} index={index} />:{" "}
                    {t("pricePer", {
                      price: formatExactMoney(String(tier.priceMinor), currency, locale),
                      per: formatQuantity(tier.perQuantity, locale),
                      unit: meter.unit,
                    })}
                  </li>
                ))}
              </ul>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
