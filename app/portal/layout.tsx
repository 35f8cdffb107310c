import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { activeSession, loadForPage } from "@/server/api/caller";
import { homePathFor, isConsultantRole } from "@/server/domain/roles";

export const dynamic = "force-dynamic";

// The client portal: consultants have their own workspace. Procedures check again on every call.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const session = await activeSession();
  if (!session) redirect("/signin");
  if (isConsultantRole(session.role)) redirect(homePathFor(session.role));
  const [me, unread] = await loadForPage((api) => Promise.all([api.me.get(), api.notification.unreadCount()]));
  return (
    <>
      <AppHeader home="/portal" userName={me.name} context={me.clientName ?? me.organisationName} unread={unread} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
