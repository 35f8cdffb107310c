import { useTranslations } from "next-intl";

/** Above an ADR: back to its engagement, and the ADR as PDF. */
export function AdrPageLinks({
  engagementHref,
  engagementTitle,
  pdfHref,
}: {
  engagementHref: string;
  engagementTitle: string;
  pdfHref: string;
}) {
  const t = useTranslations("adrs");
  return (
    <div className="flex flex-wrap items-baseline gap-3 text-sm">
      <a href={engagementHref} className="text-teal-800 underline">
        {engagementTitle}
      </a>
      <a href={pdfHref} className="text-teal-800 underline" download>
        {t("pdf")}
      </a>
    </div>
  );
}
