import { getTranslations } from "next-intl/server";
import { loadForPage } from "@/server/api/caller";
import { NotificationList } from "./notification-list";

/** The signed-in user's notifications; consultants' and clients' links lead into their own areas. */
export async function NotificationsPage({ linkFor }: { linkFor: "consultant" | "portal" }) {
  const notifications = await loadForPage((api) => api.notification.list());
  const t = await getTranslations("notifications");
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <NotificationList notifications={notifications} linkFor={linkFor} />
    </>
  );
}
