import { useLocale, useTranslations } from "next-intl";
import { Table, Td, Th } from "./ui/table";

export interface AuditRow {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  before: unknown;
  after: unknown;
  hash: string;
}

function stateOf(value: unknown): string | null {
  return typeof value === "object" && value !== null && "state" in value && typeof value.state === "string"
    ? value.state
    : null;
}

export function AuditLog({ events }: { events: AuditRow[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  if (events.length === 0) return <p className="p-4 text-sm text-slate-600">{t("audit.empty")}</p>;
  return (
    <Table>
      <caption className="sr-only">{t("audit.title")}</caption>
      <thead>
        <tr>
          <Th>#</Th>
          <Th>{t("audit.when")}</Th>
          <Th>{t("audit.who")}</Th>
          <Th>{t("audit.what")}</Th>
          <Th>{t("audit.change")}</Th>
          <Th className="hidden md:table-cell">{t("audit.hash")}</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const from = stateOf(event.before);
          const to = stateOf(event.after);
          return (
            <tr key={event.seq} data-testid="audit-event" data-action={event.action}>
              <Td className="tabular-nums text-slate-500">{event.seq}</Td>
              <Td className="whitespace-nowrap">{when.format(new Date(event.at))} UTC</Td>
              <Td>{event.actorName ?? t("audit.system")}</Td>
              <Td className="font-mono text-xs">{event.action}</Td>
              <Td className="text-xs">
                {from && to && from !== to
                  ? `${t(`milestoneState.${from}` as "milestoneState.planned")} → ` +
                    `${t(`milestoneState.${to}` as "milestoneState.planned")}`
                  : ""}
              </Td>
              <Td className="hidden font-mono text-xs text-slate-500 md:table-cell" title={event.hash}>
                {event.hash.slice(0, 12)}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
