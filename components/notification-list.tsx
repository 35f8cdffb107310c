"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { NotificationOut } from "@/server/api/routers/notification/notification.schema";
import { useTRPC } from "./providers/trpc-provider";
import { Button } from "./ui/button";
import { cn } from "./ui/cn";
import { useRefreshingAction } from "./use-refreshing-action";

export type NotificationRow = NotificationOut;

/** A user's notices; the words come from the catalog, names and comments are shown as text. */
export function NotificationList({
  notifications,
  linkFor,
}: {
  notifications: NotificationRow[];
  linkFor: "consultant" | "portal";
}) {
  const t = useTranslations("notifications");
  const locale = useLocale();
  const trpc = useTRPC();
  const { handlers } = useRefreshingAction();
  const markRead = useMutation(trpc.notification.markRead.mutationOptions(handlers));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  if (notifications.length === 0) return <p className="text-slate-600">{t("empty")}</p>;
  const href = (n: NotificationRow) =>
    n.proposalId
      ? `${linkFor === "portal" ? "/portal" : ""}/proposals/${n.proposalId}`
      : n.kind === "sla_trigger" || n.kind === "roi_shared"
        ? `${linkFor === "portal" ? "/portal" : ""}/engagements/${n.engagementId}/${n.kind === "sla_trigger" ? "sla" : "roi"}`
        : linkFor === "portal" && n.milestoneId
          ? `/portal/engagements/${n.engagementId}/milestones/${n.milestoneId}`
          : linkFor === "portal"
            ? `/portal/engagements/${n.engagementId}`
            : `/engagements/${n.engagementId}`;
  return (
    <ul className="space-y-2" aria-label={t("title")}>
      {notifications.map((n) => (
        <li
          key={n.id}
          data-notification={n.kind}
          data-read={n.read}
          className={cn(
            "rounded-md border p-3 text-sm",
            n.read ? "border-slate-200 bg-white" : "border-teal-300 bg-teal-50",
          )}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">
              {t(`kind.${n.kind}`, { clause: "", action: "", from: "", to: "", proposal: "", ...n.params })}
            </span>
            <span className="text-xs text-slate-500">{when.format(new Date(n.createdAt))} UTC</span>
          </div>
          {n.params.comment && <p className="mt-1 whitespace-pre-wrap text-slate-700">“{n.params.comment}”</p>}
          <div className="mt-2 flex gap-3">
            <Link href={href(n)} className="text-teal-800 underline">
              {t("open")}
            </Link>
            {!n.read && (
              <Button
                variant="ghost"
                className="px-2 py-0.5"
                disabled={markRead.isPending}
                onClick={() => markRead.mutate({ id: n.id })}
              >
                {t("markRead")}
              </Button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
