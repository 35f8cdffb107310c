import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProposalList } from "@/components/proposal/proposal-list";
import { PROPOSAL_PAGE_SIZE } from "@/components/proposal/view-values";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { loadForPage } from "@/server/api/caller";
import { PROPOSAL_STATUSES, ZProposalStatus } from "@/server/domain/proposal/proposal";

export const dynamic = "force-dynamic";

export default async function ProposalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = ZProposalStatus.safeParse((await searchParams).status);
  const status = parsed.success ? parsed.data : undefined;
  const first = await loadForPage((api) =>
    api.proposal.list({ limit: PROPOSAL_PAGE_SIZE, ...(status ? { status } : {}) }),
  );
  const t = await getTranslations("proposalPages");
  const filter = (value: string | undefined, label: string) => (
    <Link
      key={value ?? "all"}
      href={value ? `/proposals?status=${value}` : "/proposals"}
      aria-current={value === status ? "page" : undefined}
      className={cn(
        "rounded-full px-3 py-1 text-sm",
        value === status ? "bg-teal-700 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200",
      )}
    >
      {label}
    </Link>
  );
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("list.heading")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("list.intro")}</p>
        </div>
        <Button asChild>
          <Link href="/proposals/new">{t("list.new")}</Link>
        </Button>
      </div>
      <nav aria-label={t("list.filter")} className="mt-4 flex flex-wrap gap-2">
        {filter(undefined, t("list.all"))}
        {PROPOSAL_STATUSES.map((value) => filter(value, t(`standing.${value}`)))}
      </nav>
      <Card className="mt-4">
        {/* a new filter is a new list: its pages start again */}
        <ProposalList key={status ?? "all"} area="consultant" first={first} status={status} />
      </Card>
    </>
  );
}
