import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Card } from "./ui/card";

/** One list on a home page: its title and count, the first items, or a sentence saying there are none. */
export function HomeSection({
  id,
  title,
  total,
  shown,
  empty,
  children,
}: {
  id: string;
  title: string;
  total: number;
  shown: number;
  empty: string;
  children: ReactNode;
}) {
  const t = useTranslations("homePage");
  return (
    <section aria-labelledby={`home-${id}`} data-home-section={id} data-total={total} className="mt-6">
      <h2 id={`home-${id}`} className="flex flex-wrap items-baseline gap-2 text-lg font-semibold">
        {title}
        {total > 0 && (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{total}</span>
        )}
      </h2>
      <Card className="mt-2 p-4">
        {total === 0 ? (
          <p className="text-sm text-slate-600">{empty}</p>
        ) : (
          <>
            <ul className="divide-y divide-slate-100 text-sm">{children}</ul>
            {total > shown && <p className="mt-2 text-xs text-slate-500">{t("shown", { shown, total })}</p>}
          </>
        )}
      </Card>
    </section>
  );
}
