"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The engagement's title: the page's heading on a tab, a way back to the overview on a page within one. */
export function EngagementHeading({
  title,
  tabPaths,
  overviewHref,
}: {
  title: string;
  tabPaths: string[];
  overviewHref: string;
}) {
  const onTab = tabPaths.includes(usePathname());
  if (onTab) return <h1 className="text-2xl font-semibold">{title}</h1>;
  return (
    <p className="text-lg font-semibold">
      <Link href={overviewHref} className="hover:text-teal-800 hover:underline">
        {title}
      </Link>
    </p>
  );
}
