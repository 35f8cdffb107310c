import { describe, expect, it } from "vitest";
import { PRIVATE_DEPLOYMENT } from "./default-packages";
import { proposalDocument, type ProposalDocumentSource } from "./document";
import { ZServicePackageFields } from "./package";
import { computePrice } from "./price";
import { ZProposalDraft } from "./proposal";
import { milestoneAmounts, offerSnapshot } from "./standing";

const pkg = { id: "p1", revision: 1, ...ZServicePackageFields.parse(PRIVATE_DEPLOYMENT) };
const offer = offerSnapshot(
  ZProposalDraft.parse({
    clientId: "c000000000000000000000001",
    packageId: "c000000000000000000000002",
    title: "Order synchroniser",
    quantities: { nodes: 4, daily_volume: 3.5, retention_years: 7 },
    taxRateBp: 600,
    startDate: "2026-12-15",
    validUntil: "2026-12-31",
    objectives: [
      {
        pain: "Reports are slow",
        observedBehaviour: "waits",
        businessGoal: "No waiting",
        baseline: 2400,
        target: { metric: "report_latency", comparator: "lt", value: 800, unit: "ms", percentile: 99 },
      },
    ],
  }),
  pkg,
);
const price = computePrice(offer.pricing, offer.quantities, "CNY", "en");

const source: ProposalDocumentSource = {
  proposal: {
    id: "x",
    number: "Q-2026-0001",
    title: "Order synchroniser",
    client: { id: "c", name: "Lakeside Retail" },
    status: "sent",
    standing: "sent",
    currency: "CNY",
    priceMinor: price.totalMinor,
    taxRateBp: 600,
    paymentTermsDays: 30,
    startDate: "2026-12-15",
    validUntil: "2026-12-31",
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
  },
  seller: { name: "Northwind", legalName: "", address: "1 Harbour Road\nShanghai", taxId: "91310000" },
  client: { name: "Lakeside Retail", legalName: null, address: null },
};

describe("the proposal's document", () => {
  it("writes the formula out line by line, with tax and total", () => {
    const doc = proposalDocument(source, "en");
    expect(doc.title).toBe("Proposal Q-2026-0001");
    expect(doc.priceLines.map((l) => l.label)).toEqual([
      "Base",
      "Nodes: 4 nodes × CN¥50,000.00 = CN¥200,000.00",
      "Daily volume: 3.5 million tx/day × CN¥20,000.00 = CN¥70,000.00",
      "Retention: 7 years × CN¥10,000.00 = CN¥70,000.00",
    ]);
    expect(doc.totals).toEqual([
      { label: "Price (excluding tax)", value: "CN¥540,000.00" },
      { label: "Tax 6 %", value: "CN¥32,400.00" },
      { label: "Total", value: "CN¥572,400.00" },
    ]);
    expect(doc.parties[0]!.lines).toEqual(["Northwind", "1 Harbour Road", "Shanghai", "Tax ID: 91310000"]);
    expect(doc.facts.find((f) => f.label === "Valid until")?.value).toBe("2026-12-31");
    expect(doc.acceptance).toContain("on or before 2026-12-31");
  });

  it("says what opens each gate, the SLA terms in the SLA documents' words, and the objectives", () => {
    const doc = proposalDocument(source, "en");
    const poc = doc.milestones[1]!;
    expect(poc.gate).toContain("test report passes");
    expect(poc.gate).toContain("then the client's approval");
    expect(doc.milestones.at(-1)!.gate).toMatch(/^invoiced at the start/);
    expect(doc.slaClauses[0]!.terms).toBe("Availability ≥ 99.95 % over the year");
    expect(doc.objectives[0]).toEqual({
      headline: "Reports are slow → report_latency P99 < 800 ms",
      details: ["Goal: No waiting", "Today: 2,400 ms"],
    });
  });

  it("is written in Chinese with the same figures", () => {
    const doc = proposalDocument(source, "zh-CN");
    expect(doc.title).toBe("报价单 Q-2026-0001");
    expect(doc.totals.at(-1)!.value).toBe("¥572,400.00");
    expect(doc.packageLine).toBe("Private deployment · 私有化部署 · 定制版");
  });
});
