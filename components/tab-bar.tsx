"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "./ui/cn";

export interface Tab {
  href: string;
  label: string;
  /** other paths that belong to this tab (an ADR's own page under Decisions) */
  alsoActiveUnder?: string[];
}

/** Tabs as links, one URL each; the tab whose path holds the current page is marked aria-current. */
export function TabBar({ label, tabs }: { label: string; tabs: Tab[] }) {
  const pathname = usePathname();
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  // the longest matching path wins, so the overview's own path does not claim every sub-page
  const active = tabs
    .map((tab, index) => ({
      index,
      length: Math.max(...[tab.href, ...(tab.alsoActiveUnder ?? [])].map((path) => (under(path) ? path.length : -1))),
    }))
    .filter((match) => match.length >= 0)
    .sort((a, b) => b.length - a.length)[0]?.index;
  return (
    <nav aria-label={label} className="mt-4 overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1">
        {tabs.map((tab, index) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={index === active ? "page" : undefined}
              className={cn(
                "block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
                index === active
                  ? "border-teal-700 text-teal-800"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
