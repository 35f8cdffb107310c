import Link from "next/link";
import { useTranslations } from "next-intl";
import { SLA_PERIODS } from "@/server/domain/sla/terms";
import { cn } from "@/components/ui/cn";
import { convertPeriod, periodKindOf, shiftPeriod } from "./period-keys";

/** Month / quarter / year and previous / next, as links: the period lives in the page's address. */
export function PeriodPicker({ period, href }: { period: string; href: (period: string) => string }) {
  const t = useTranslations("sla.period");
  const kind = periodKindOf(period);
  const link = "rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-2">
      <Link href={href(shiftPeriod(period, -1))} className={link} aria-label={t("previous")}>
        ←
      </Link>
      <span className="min-w-24 text-center font-medium" data-testid="sla-period">
        {period}
      </span>
      <Link href={href(shiftPeriod(period, 1))} className={link} aria-label={t("next")}>
        →
      </Link>
      {SLA_PERIODS.map((option) => (
        <Link
          key={option}
          href={href(convertPeriod(period, option))}
          aria-current={option === kind ? "true" : undefined}
          className={cn(link, option === kind && "border-teal-700 bg-teal-50 text-teal-900")}
        >
          {t(option)}
        </Link>
      ))}
    </nav>
  );
}
