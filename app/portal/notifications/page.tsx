import { NotificationsPage } from "@/components/notifications-page";

export const dynamic = "force-dynamic";

export default function Page() {
  return <NotificationsPage linkFor="portal" />;
}
