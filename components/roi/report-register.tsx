import { useTranslations } from "next-intl";
import { DebtRegisterTable } from "@/components/debt/debt-register-table";
import type { RoiReport } from "@/server/domain/roi/report";
import { monthKeyAt } from "./chart-data";

/** The ranked register as the report holds it: figures with the ranges and fix months they came from. */
export function ReportRegister({ report, caption }: { report: RoiReport; caption: string }) {
  const t = useTranslations("roi.ranges");
  const inputs = new Map(report.inputs.debt.map((item) => [item.id, item]));
  return (
    <DebtRegisterTable
      caption={caption}
      currency={report.currency}
      rows={report.debt.map((figures, index) => {
        const input = inputs.get(figures.id);
        const fixMonth = input?.fixMonth ?? null;
        return {
          key: figures.id,
          rank: index + 1,
          figures,
          costRange: input?.costPerQuarterMinor,
          daysRange: input?.fixDays,
          status:
            fixMonth === null
              ? t("open")
              : t("month", { month: fixMonth, key: monthKeyAt(report.inputs.startMonth, fixMonth) }),
        };
      })}
    />
  );
}
