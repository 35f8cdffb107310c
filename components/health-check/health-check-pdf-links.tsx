import { useTranslations } from "next-intl";

export function HealthCheckPdfLinks({ healthCheckId }: { healthCheckId: string }) {
  const t = useTranslations("healthCheck");
  const href = (lang: string) => `/api/v1/health-checks/${healthCheckId}/pdf?lang=${lang}`;
  return (
    <span className="flex gap-3 text-sm">
      <a href={href("en")} className="text-teal-800 underline" download>
        {t("pdfEn")}
      </a>
      <a href={href("zh-CN")} className="text-teal-800 underline" download>
        {t("pdfZh")}
      </a>
    </span>
  );
}
