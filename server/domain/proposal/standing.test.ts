import { describe, expect, it } from "vitest";
import { PRIVATE_DEPLOYMENT } from "./default-packages";
import { ZServicePackageFields } from "./package";
import { ZProposalDraft, type OfferObjectiveLink, type ProposalDraftInput } from "./proposal";
import { closedReasons, draftProblems, milestoneAmounts, offerSnapshot, proposalStanding } from "./standing";

const pkg = { id: "p1", revision: 3, ...ZServicePackageFields.parse(PRIVATE_DEPLOYMENT) };
const TODAY = "2026-12-02";
const draft = (overrides: Partial<ProposalDraftInput> = {}) =>
  ZProposalDraft.parse({
    clientId: "c000000000000000000000001",
    packageId: "c000000000000000000000002",
    title: "Quote",
    taxRateBp: 600,
    startDate: "2026-12-15",
    validUntil: "2026-12-31",
    ...overrides,
  });
const objective = (link: OfferObjectiveLink) => ({
  pain: "Reports are slow",
  observedBehaviour: "waits",
  target: { metric: "report_latency", comparator: "lt" as const, value: 800, unit: "ms", percentile: 99 },
  link,
});

describe("a proposal's standing", () => {
  it("is expired only when sent and past its validity day (valid through that day)", () => {
    expect(proposalStanding("sent", "2026-11-30", "2026-11-30")).toBe("sent");
    expect(proposalStanding("sent", "2026-11-30", "2026-12-01")).toBe("expired");
    expect(proposalStanding("draft", "2026-11-30", "2026-12-01")).toBe("draft");
    expect(proposalStanding("accepted", "2026-11-30", "2026-12-01")).toBe("accepted");
  });

  it("names why it cannot be decided", () => {
    const facts = { validUntil: "2026-11-30", supersededBy: null };
    expect(closedReasons({ ...facts, status: "sent" }, "2026-11-30")).toEqual([]);
    expect(closedReasons({ ...facts, status: "sent" }, "2026-12-01")).toEqual(["expired on 2026-11-30"]);
    expect(closedReasons({ ...facts, status: "accepted" }, TODAY)).toEqual(["already accepted"]);
    expect(closedReasons({ ...facts, status: "declined" }, TODAY)).toEqual(["declined"]);
    expect(closedReasons({ ...facts, status: "withdrawn" }, TODAY)).toEqual(["withdrawn"]);
    expect(closedReasons({ ...facts, status: "draft" }, TODAY)).toEqual(["not sent"]);
    expect(closedReasons({ ...facts, status: "superseded", supersededBy: "Q-2026-0004" }, TODAY)).toEqual([
      "superseded by Q-2026-0004",
    ]);
  });
});

describe("a draft from a package", () => {
  it("holds together with the package's defaults", () => {
    expect(draftProblems(draft(), pkg, TODAY)).toEqual([]);
  });

  it("names the quantity, date and link that do not hold", () => {
    const problems = draftProblems(
      draft({
        quantities: { nodes: 2.5, colour: 1 },
        validUntil: "2026-12-01",
        startDate: "2026-11-01",
        slaClauseIndexes: [3],
        objectives: [
          objective({ kind: "requirement", milestoneKey: "poc", position: 9 }),
          objective({ kind: "requirement", milestoneKey: "nowhere", position: 0 }),
          objective({ kind: "sla_clause", index: 0 }),
        ],
      }),
      pkg,
      TODAY,
    ).map((p) => p.key);
    expect(problems).toEqual([
      "quantities.colour",
      "quantities.nodes",
      "validUntil",
      "startDate",
      "slaClauseIndexes.0",
      "objectives.0.link",
      "objectives.1.link",
      "objectives.2.link",
    ]);
  });

  it("snapshots the offer: defaults filled in, offered clauses only, clause links renumbered", () => {
    const twoClauses = { ...pkg, slaClauses: [pkg.slaClauses[0]!, { ...pkg.slaClauses[0]!, title: "Second" }] };
    const offer = offerSnapshot(
      draft({
        quantities: { nodes: 6 },
        slaClauseIndexes: [1],
        objectives: [objective({ kind: "sla_clause", index: 1 })],
      }),
      twoClauses,
    );
    expect(offer.quantities).toEqual({ nodes: 6, daily_volume: 3.5, retention_years: 7 });
    expect(offer.slaClauses.map((c) => c.title)).toEqual(["Second"]);
    expect(offer.objectives[0]!.link).toEqual({ kind: "sla_clause", index: 0 });
    expect(offer.package).toEqual({
      id: "p1",
      name: "Private deployment",
      business: "private_deployment",
      tier: "custom",
      revision: 3,
    });
  });

  it("splits the price over the milestones exactly", () => {
    const amounts = milestoneAmounts(pkg, 54_000_001);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(54_000_001);
    expect(amounts).toHaveLength(pkg.milestones.length);
  });
});
