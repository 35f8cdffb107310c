import { useLocale, useTranslations } from "next-intl";
import { adrLabel } from "@/server/domain/adr/adr";
import { formatMoney } from "@/server/domain/currency";
import type { AdrOut } from "@/server/api/routers/adr/adr.schema";
import { AdrStatusBadge } from "./adr-status-badge";
import { Markdown } from "./markdown";

const VERDICT_TONE: Record<string, string> = {
  pass: "text-emerald-800",
  met: "text-emerald-800",
  fail: "text-red-800",
  missed: "text-red-800",
  none: "text-slate-600",
};

/** One ADR in full, for consultants and clients alike; links to other ADRs via `hrefOf`. */
export function AdrDetail({ adr, hrefOf }: { adr: AdrOut; hrefOf: (number: number) => string | null }) {
  const t = useTranslations("adrs");
  const locale = useLocale();
  const link = (number: number, text: string) => {
    const href = hrefOf(number);
    return href ? (
      <a href={href} className="underline">
        {text}
      </a>
    ) : (
      <span>{text}</span>
    );
  };
  const section = (key: "context" | "outcome" | "consequences" | "validation", text: string) =>
    text ? (
      <section key={key}>
        <h2 className="font-semibold">{t(`fields.${key}`)}</h2>
        <Markdown text={text} />
      </section>
    ) : null;
  const v = adr.validationLink;
  return (
    <article className="space-y-4 text-sm" data-adr={adrLabel(adr.number)} data-status={adr.status}>
      <header>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold">{`${adrLabel(adr.number)} ${adr.title}`}</h1>
          <AdrStatusBadge status={adr.status} label={t(`statuses.${adr.status}`)} />
          {adr.importedStatus !== null && (
            <span className="text-xs text-slate-500" data-imported-status={adr.importedStatus}>
              {t("importedStatus", { status: adr.importedStatus })}
            </span>
          )}
        </div>
        <p className="mt-1 text-slate-600">
          {adr.date === null ? <span data-date="unknown">{t("dateUnknown")}</span> : adr.date}
          {adr.deciders.length > 0 && ` · ${adr.deciders.join(", ")}`}
        </p>
        {adr.consulted.length > 0 && (
          <p className="text-slate-600">{t("consultedList", { names: adr.consulted.join(", ") })}</p>
        )}
        {adr.informed.length > 0 && (
          <p className="text-slate-600">{t("informedList", { names: adr.informed.join(", ") })}</p>
        )}
        {adr.supersededBy !== null && (
          <p className="text-amber-800">
            {link(adr.supersededBy, t("supersededBy", { label: adrLabel(adr.supersededBy) }))}
          </p>
        )}
        {adr.supersedes !== null && (
          <p className="text-slate-600">{link(adr.supersedes, t("supersedes", { label: adrLabel(adr.supersedes) }))}</p>
        )}
      </header>

      {adr.pl && (
        <p data-pl-account={adr.pl.account} data-pl-effect={adr.pl.effect}>
          {t("pl.line", {
            account: adr.pl.account,
            amount: formatMoney(adr.pl.amountMinor, adr.pl.currency, locale),
            recurrence: t(`pl.recurrences.${adr.pl.recurrence}`),
            effect: t(`pl.effects.${adr.pl.effect}`),
          })}
        </p>
      )}

      <section aria-label={t("validatedBy")} className="rounded-md border border-slate-200 p-3">
        <h2 className="font-semibold">{t("validatedBy")}</h2>
        {v ? (
          <p data-verdict={v.verdict}>
            {v.label}
            {v.kind === "sla" && ` (${v.target})`} —{" "}
            <span className={`font-medium ${VERDICT_TONE[v.verdict]}`}>{t(`verdicts.${v.verdict}`)}</span>
            {v.checkedAt && <span className="text-slate-500">{` · ${v.checkedAt.slice(0, 10)}`}</span>}
            {v.kind === "requirement" && v.evidenceSha256 && (
              <span className="font-mono text-xs text-slate-500">{` · ${v.evidenceSha256.slice(0, 12)}`}</span>
            )}
            {v.kind === "sla" && v.value !== null && <span className="text-slate-500">{` · ${v.value}`}</span>}
            {v.kind === "requirement" && v.verdict === "fail" && v.reasons.length > 0 && (
              <span className="block text-red-800">{v.reasons.join("; ")}</span>
            )}
          </p>
        ) : (
          <p className="text-slate-600">{t("noValidation")}</p>
        )}
      </section>

      {section("context", adr.context)}
      {adr.decisionDrivers.length > 0 && (
        <section>
          <h2 className="font-semibold">{t("driversHeading")}</h2>
          <ul className="list-disc pl-5">
            {adr.decisionDrivers.map((driver) => (
              <li key={driver}>{driver}</li>
            ))}
          </ul>
        </section>
      )}
      {adr.consideredOptions.length > 0 && (
        <section>
          <h2 className="font-semibold">{t("considered")}</h2>
          <ul className="mt-1 space-y-2">
            {adr.consideredOptions.map((option) => (
              <li key={option.title}>
                <p className="font-semibold">{option.title}</p>
                {option.pros.map((p) => (
                  <p key={`+${p}`} className="text-emerald-900">{`${t("good")}: ${p}`}</p>
                ))}
                {option.cons.map((c) => (
                  <p key={`-${c}`} className="text-red-900">{`${t("bad")}: ${c}`}</p>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {section("outcome", adr.decisionOutcome)}
      {section("consequences", adr.consequences)}
      {section("validation", adr.validation)}
      <section aria-label={t("acknowledgements")}>
        <h2 className="font-semibold">{t("acknowledgements")}</h2>
        {adr.acknowledgements.length === 0 ? (
          <p className="text-slate-600">{t("noAcknowledgements")}</p>
        ) : (
          <ul>
            {adr.acknowledgements.map((a) => (
              <li key={`${a.by}-${a.at}`} data-acknowledged-current={a.current}>
                {t("acknowledgedBy", { name: a.by, date: a.at.slice(0, 10) })}
                {!a.current && <span className="text-slate-500">{` (${t("earlierText")})`}</span>}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-1 font-mono text-xs text-slate-500">{`${t("contentHash")}: ${adr.contentSha256}`}</p>
      </section>
    </article>
  );
}
