import { useTranslations } from "next-intl";
import type { StoredHealthItem } from "@/server/domain/health-check/items";
import { Table, Td, Th } from "../ui/table";
import { HealthStatusBadge } from "./health-status-badge";

/** A check's items: what was checked, its status, the HTTP status, what was seen and the advice. */
export function HealthCheckTable({ items }: { items: StoredHealthItem[] }) {
  const t = useTranslations("healthCheck");
  return (
    <Table>
      <thead>
        <tr>
          <Th>{t("columns.check")}</Th>
          <Th>{t("columns.status")}</Th>
          <Th>{t("columns.httpStatus")}</Th>
          <Th>{t("columns.detail")}</Th>
          <Th>{t("columns.advice")}</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.check} data-health-item={item.check}>
            <Td className="font-medium">{t(`checks.${item.check}`)}</Td>
            <Td>
              <HealthStatusBadge status={item.status} label={t(`statuses.${item.status}`)} />
            </Td>
            <Td className="tabular-nums">{item.httpStatus ?? "—"}</Td>
            <Td className="break-all font-mono text-xs">{item.detail}</Td>
            <Td>{t(`advice.${item.advice}`)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
