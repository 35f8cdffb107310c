import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocaleSwitcher } from "./locale-switcher";
import { SignOutButton } from "./sign-out-button";

export interface AppHeaderProps {
  home: "/engagements" | "/portal";
  userName: string;
  context: string;
  unread: number;
}

const link = "text-sm font-medium text-slate-700 hover:text-teal-800";

export function AppHeader({ home, userName, context, unread }: AppHeaderProps) {
  const t = useTranslations();
  const consultant = home === "/engagements";
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex items-center gap-4">
          <Link href={home} className="text-lg font-semibold tracking-tight text-teal-800">
            {t("common.appName")}
          </Link>
          <nav aria-label={t("nav.main")} className="flex flex-wrap items-center gap-4">
            {consultant && (
              <Link href="/home" className={link}>
                {t("nav.home")}
              </Link>
            )}
            <Link href={home} className={link}>
              {consultant ? t("nav.engagements") : t("nav.portal")}
            </Link>
            <Link href={consultant ? "/proposals" : "/portal/proposals"} className={link}>
              {t("nav.proposals")}
            </Link>
            {consultant && (
              <>
                <Link href="/invoices" className={link}>
                  {t("nav.invoices")}
                </Link>
                <Link href="/cash" className={link}>
                  {t("nav.cash")}
                </Link>
                <Link href="/clients" className={link}>
                  {t("nav.clients")}
                </Link>
                <Link href="/packages" className={link}>
                  {t("nav.packages")}
                </Link>
                <Link href="/outbox" className={link}>
                  {t("nav.outbox")}
                </Link>
                <Link href="/team" className={link}>
                  {t("nav.team")}
                </Link>
                <Link href="/settings" className={link}>
                  {t("nav.settings")}
                </Link>
              </>
            )}
            <Link
              href={consultant ? "/notifications" : "/portal/notifications"}
              className={link}
              data-testid="notifications-link"
            >
              {t("nav.notifications")}
              {unread > 0 && (
                <span
                  className="ml-1 rounded-full bg-teal-700 px-1.5 py-0.5 text-xs font-semibold text-white"
                  aria-label={t("nav.unread", { count: unread })}
                >
                  {unread}
                </span>
              )}
            </Link>
          </nav>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Link
            href={consultant ? "/account" : "/portal/account"}
            className="min-w-0 hover:text-teal-800 hover:underline"
            data-testid="signed-in-as"
            title={t("nav.account")}
          >
            {t("common.signedInAs", { name: userName })} · {context}
          </Link>
          <LocaleSwitcher />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
