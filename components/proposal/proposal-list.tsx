"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Problems } from "@/components/problems";
import { useTRPC } from "@/components/providers/trpc-provider";
import { refusalReasons } from "@/components/refusal";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/server/domain/currency";
import { formatIsoDate } from "@/server/domain/format";
import type { ProposalStatus, ProposalView } from "@/server/domain/proposal/proposal";
import { StandingBadge } from "./standing-badge";
import { PROPOSAL_PAGE_SIZE } from "./view-values";

export interface ProposalPage {
  items: ProposalView[];
  nextCursor: string | null;
}

/**
 * Proposals, newest first, with a "more" button that appends the next page. The consultant's list
 * names the client and may be filtered by status; the portal's lists its own client's.
 */
export function ProposalList({
  area,
  first,
  status,
}: {
  area: "consultant" | "portal";
  first: ProposalPage;
  status?: ProposalStatus;
}) {
  const t = useTranslations("proposalPages.list");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pages, setPages] = useState<ProposalPage[]>([first]);
  const [loading, setLoading] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const items = pages.flatMap((page) => page.items);
  const cursor = pages.at(-1)?.nextCursor ?? null;
  const base = area === "consultant" ? "/proposals" : "/portal/proposals";

  async function more() {
    if (!cursor) return;
    setLoading(true);
    try {
      const input = { cursor, limit: PROPOSAL_PAGE_SIZE, ...(status ? { status } : {}) };
      const page =
        area === "consultant"
          ? await queryClient.fetchQuery(trpc.proposal.list.queryOptions(input))
          : await queryClient.fetchQuery(trpc.portal.proposals.queryOptions(input));
      setPages([...pages, page]);
      setProblems([]);
    } catch (error) {
      setProblems(refusalReasons(error));
    } finally {
      setLoading(false);
    }
  }

  if (items.length === 0) return <p className="p-5 text-sm text-slate-600">{t("empty")}</p>;
  return (
    <>
      <Table aria-label={t("label")}>
        <thead>
          <tr>
            <Th>{t("number")}</Th>
            <Th>{t("title")}</Th>
            {area === "consultant" && <Th>{t("client")}</Th>}
            <Th className="text-right">{t("price")}</Th>
            <Th>{t("standing")}</Th>
            <Th>{t("validUntil")}</Th>
            <Th>{t("sentDecided")}</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((proposal) => (
            <tr key={proposal.id} data-proposal={proposal.number}>
              <Td className="whitespace-nowrap">
                <Link href={`${base}/${proposal.id}`} className="font-medium text-teal-800 underline">
                  {proposal.number}
                </Link>
              </Td>
              <Td>{proposal.title}</Td>
              {area === "consultant" && <Td>{proposal.client.name}</Td>}
              <Td className="text-right whitespace-nowrap tabular-nums">
                {formatMoney(proposal.priceMinor, proposal.currency, locale)}
              </Td>
              <Td>
                <StandingBadge standing={proposal.standing} />
              </Td>
              <Td className="whitespace-nowrap">{formatIsoDate(proposal.validUntil, locale)}</Td>
              <Td className="text-xs text-slate-600">
                {proposal.sentAt && <span className="block">{t("sentOn", { date: day(proposal.sentAt) })}</span>}
                {proposal.decidedAt && (
                  <span className="block">{t("decidedOn", { date: day(proposal.decidedAt) })}</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {cursor && (
        <div className="p-3">
          <Button variant="secondary" onClick={() => void more()} disabled={loading}>
            {t("more")}
          </Button>
        </div>
      )}
      <Problems problems={problems} />
    </>
  );

  function day(instant: string): string {
    return formatIsoDate(instant.slice(0, 10), locale);
  }
}
