import Link from "next/link";
import { useTranslations } from "next-intl";
import { shiftPeriod } from "@/components/sla/period-keys";

/** Previous / next month as links and a month field: the period lives in the page's address. */
export function MonthPicker({ period, path }: { period: string; path: string }) {
  const t = useTranslations("usage.page");
  const link = "rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("periodLabel")} className="flex flex-wrap items-center gap-2">
      <Link href={`${path}?period=${shiftPeriod(period, -1)}`} className={link} aria-label={t("previous")}>
        ←
      </Link>
      <span className="min-w-20 text-center font-medium" data-testid="usage-period">
        {period}
      </span>
      <Link href={`${path}?period=${shiftPeriod(period, 1)}`} className={link} aria-label={t("next")}>
        →
      </Link>
      <form action={path} method="get" className="flex items-center gap-2">
        <label className="text-sm">
          <span className="sr-only">{t("month")}</span>
          <input
            type="month"
            name="period"
            defaultValue={period}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
            aria-label={t("month")}
          />
        </label>
        <button type="submit" className={link}>
          {t("show")}
        </button>
      </form>
    </nav>
  );
}

/** The month named in the page's query, or the last month (UTC): the newest one that may have closed. */
export function usagePeriodFromQuery(value: string | string[] | undefined, now: Date = new Date()): string {
  if (typeof value === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return value;
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, "0")}`;
}
