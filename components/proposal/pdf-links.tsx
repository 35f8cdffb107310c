import { useTranslations } from "next-intl";

/** The proposal's PDF in each language, rendered on demand. */
export function PdfLinks({ proposalId }: { proposalId: string }) {
  const t = useTranslations("proposalPages.pdf");
  return (
    <p className="flex flex-wrap gap-3 text-sm" aria-label={t("label")}>
      <span className="text-slate-600">{t("label")}:</span>
      <a href={`/api/v1/proposals/${proposalId}/pdf?lang=en`} className="text-teal-800 underline">
        {t("en")}
      </a>
      <a href={`/api/v1/proposals/${proposalId}/pdf?lang=zh-CN`} className="text-teal-800 underline">
        {t("zh")}
      </a>
    </p>
  );
}
