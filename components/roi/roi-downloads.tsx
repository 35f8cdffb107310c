import { useTranslations } from "next-intl";

/** The report's PDFs (English, Simplified Chinese) and, where offered, the cash flows as CSV. */
export function RoiDownloads({ pdf, csv }: { pdf: { en: string; "zh-CN": string }; csv?: string }) {
  const t = useTranslations("roi.downloads");
  return (
    <p className="flex flex-wrap gap-4 text-sm">
      <a href={pdf.en} className="text-teal-800 underline" download>
        {t("pdfEn")}
      </a>
      <a href={pdf["zh-CN"]} className="text-teal-800 underline" download>
        {t("pdfZh")}
      </a>
      {csv && (
        <a href={csv} className="text-teal-800 underline" download>
          {t("csv")}
        </a>
      )}
    </p>
  );
}
