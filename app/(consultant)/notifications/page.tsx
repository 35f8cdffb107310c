import { getTranslations } from "next-intl/server";
import { NotificationList } from "@/components/notification-list";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const notifications = await loadForPage((api) => api.notification.list());
  const t = await getTranslations("notifications");
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <NotificationList notifications={notifications} linkFor="consultant" />
    </>
  );
}
