import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ZServicePackageFields } from "@/server/domain/proposal/package";
import { PRIVATE_DEPLOYMENT } from "@/server/domain/proposal/default-packages";
import { computePrice } from "@/server/domain/proposal/price";
import { ZProposalDraft, type ProposalView } from "@/server/domain/proposal/proposal";
import { milestoneAmounts, offerSnapshot } from "@/server/domain/proposal/standing";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh-CN.json";
import { ProposalContent } from "./proposal-content";
import { ProposalStatus } from "./proposal-status";

// The proposal as the consultant's page and the portal show it, rendered with the real catalogs from
// the private deployment package priced by the domain: the price and its formula, each milestone's
// amount and gate, the SLA clause, the objectives, and where the proposal stands.

function render(node: ReactNode, locale: "en" | "zh-CN" = "en"): string {
  const messages = locale === "en" ? en : zh;
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale, messages, timeZone: "UTC", children: node }),
  );
}

const pkg = { ...ZServicePackageFields.parse(PRIVATE_DEPLOYMENT), id: "pkg_1", revision: 1 };

function proposal(patch: Partial<ProposalView> = {}): ProposalView {
  const draft = ZProposalDraft.parse({
    clientId: "cl_1",
    packageId: "pkg_1",
    title: "Ledger synchroniser",
    quantities: { nodes: 6, daily_volume: 2.5, retention_years: 5 },
    taxRateBp: 600,
    startDate: "2026-12-07",
    validUntil: "2027-01-06",
    objectives: [
      {
        pain: "Month-end reports are slow",
        observedBehaviour: "The team waits for each report",
        cost: { value: 40, unit: "hours/month" },
        target: { metric: "report.latency", comparator: "lte", value: 800, unit: "ms", percentile: 99 },
        baseline: 2400,
        link: { kind: "sla_clause", index: 0 },
      },
    ],
  });
  const offer = offerSnapshot(draft, pkg);
  const price = computePrice(offer.pricing, offer.quantities, pkg.currency, "en");
  return {
    id: "p1",
    number: "Q-2026-0007",
    title: draft.title,
    client: { id: "cl_1", name: "Lakeside Retail" },
    status: "sent",
    standing: "sent",
    currency: pkg.currency,
    priceMinor: price.totalMinor,
    taxRateBp: draft.taxRateBp,
    paymentTermsDays: draft.paymentTermsDays,
    startDate: draft.startDate,
    validUntil: draft.validUntil,
    price,
    offer,
    milestoneAmountsMinor: milestoneAmounts(offer, price.totalMinor),
    sentAt: "2026-12-02T10:00:00.000Z",
    decidedAt: null,
    decisionComment: "",
    engagementId: null,
    revisesId: null,
    revisedById: null,
    createdAt: "2026-12-02T09:00:00.000Z",
    ...patch,
  };
}

describe("the proposal's pages", () => {
  it("show the price with its formula and lines, the tax, and each milestone's amount and gate", () => {
    const html = render(createElement(ProposalContent, { proposal: proposal() }));
    expect(html).toContain('data-testid="proposal-price">CN¥600,000.00<');
    expect(html).toContain("CN¥36,000.00"); // 6 % tax
    expect(html).toContain("CN¥636,000.00");
    expect(html).toContain('data-testid="price-formula"');
    expect(html).toMatch(/data-price-line="daily_volume".*2\.5 million tx\/day × CN¥20,000\.00.*CN¥50,000\.00/s);
    expect(html).toMatch(/data-offer-milestone="review".*15%.*CN¥90,000\.00/s);
    expect(html).toMatch(/data-offer-milestone="upgrade".*10%.*CN¥60,000\.00/s);
    expect(html).toContain("you approve it");
    expect(html).toContain('data-offer-clause="Availability"');
    expect(html).toContain("Month-end reports are slow");
    expect(html).toContain("P99 ≤ 800 ms");
    expect(html).toContain("today 2,400 ms");
    expect(html).toContain("Measured by the SLA clause &quot;Availability&quot;");
  });

  it("read in Chinese", () => {
    const html = render(createElement(ProposalContent, { proposal: proposal() }), "zh-CN");
    expect(html).toContain("里程碑与付款");
    expect(html).toContain("私有化部署");
    expect(html).toContain("经您批准");
  });

  it("say where the proposal stands and why a closed one cannot be accepted", () => {
    const sent = render(createElement(ProposalStatus, { proposal: proposal(), area: "portal" }));
    expect(sent).toContain('data-standing="sent"');
    expect(sent).toContain("Sent on Dec 2, 2026");
    expect(sent).not.toContain("data-closed-reason");

    const expired = render(
      createElement(ProposalStatus, { proposal: proposal({ standing: "expired" }), area: "portal" }),
    );
    expect(expired).toContain('data-closed-reason="expired"');
    expect(expired).toContain("Expired on Jan 6, 2027: it can no longer be accepted.");

    const superseded = render(
      createElement(ProposalStatus, {
        proposal: proposal({ status: "superseded", standing: "superseded", revisedById: "p2" }),
        area: "portal",
      }),
      "zh-CN",
    );
    expect(superseded).toContain("已被修订版取代");
    expect(superseded).toContain('href="/portal/proposals/p2"');

    const accepted = render(
      createElement(ProposalStatus, {
        proposal: proposal({
          status: "accepted",
          standing: "accepted",
          decidedAt: "2026-12-03T08:00:00.000Z",
          decisionComment: "Approved by the board",
          engagementId: "eng_9",
        }),
        area: "consultant",
      }),
    );
    expect(accepted).toContain("Accepted on Dec 3, 2026");
    expect(accepted).toContain("Approved by the board");
    expect(accepted).toContain('href="/engagements/eng_9"');
  });
});
