import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

export default async function OutboxPage() {
  const messages = await loadForPage((api) => api.outbox.list());
  const t = await getTranslations("outbox");
  const locale = await getLocale();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      {messages.length === 0 && <p className="mt-6 text-slate-600">{t("empty")}</p>}
      <ul className="mt-6 space-y-3" aria-label={t("title")}>
        {messages.map((message) => (
          <li key={message.id} data-outbox-to={message.toEmail} data-kind={message.kind}>
            <Card className="p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-medium">{message.subject}</h2>
                <span className="text-xs text-slate-500">
                  {when.format(new Date(message.createdAt))} UTC · {t(`status.${message.status}`)}
                </span>
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {t("to")}: {message.toEmail}
              </p>
              {message.error && <p className="mt-1 text-sm text-red-800">{message.error}</p>}
              <pre
                className={
                  "mt-3 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-sans text-sm " + "text-slate-800"
                }
                data-testid="outbox-body"
              >
                {message.body}
              </pre>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
