import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocaleSwitcher } from "./locale-switcher";
import { SignOutButton } from "./sign-out-button";

export interface AppHeaderProps {
  home: "/engagements" | "/portal";
  userName: string;
  context: string;
}

export function AppHeader({ home, userName, context }: AppHeaderProps) {
  const t = useTranslations();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex items-center gap-4">
          <Link href={home} className="text-lg font-semibold tracking-tight text-teal-800">
            {t("common.appName")}
          </Link>
          <nav aria-label={t("nav.main")}>
            <Link href={home} className="text-sm font-medium text-slate-700 hover:text-teal-800">
              {home === "/portal" ? t("nav.portal") : t("nav.engagements")}
            </Link>
          </nav>
        </div>
        <div className="flex items-center gap-2 text-sm text-slate-600">
          <span className="hidden sm:inline" data-testid="signed-in-as">
            {t("common.signedInAs", { name: userName })} · {context}
          </span>
          <LocaleSwitcher />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
