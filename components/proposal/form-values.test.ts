import { describe, expect, it } from "vitest";
import { emptyObjectiveDraft } from "@/components/objective/form-values";
import type { ServicePackageView } from "@/server/domain/proposal/package";
import type { ProposalView } from "@/server/domain/proposal/proposal";
import {
  addDays,
  draftFromState,
  emptyFormState,
  errorsOfReasons,
  fieldOfIssue,
  formStateFromProposal,
  linkFromValue,
  linkValue,
  objectiveErrors,
  parseQuantity,
  parseTaxRate,
} from "./form-values";

const words = { badQuantity: "quantity", badTaxRate: "tax", badDays: "days", badNumber: "number" };

const clause = (title: string) =>
  ({
    title,
    metric: "availability",
    comparator: "gte",
    target: 99.9,
    unit: "%",
  }) as ServicePackageView["slaClauses"][0];

const pkg = {
  id: "pkg_1",
  name: "Private deployment",
  currency: "CNY",
  pricing: {
    type: "formula",
    baseMinor: 20_000_000,
    rateCard: [
      { key: "nodes", label: "Nodes", unit: "node", rateMinor: 5_000_000, defaultQuantity: 3, integer: true },
      { key: "retention_years", label: "Retention", unit: "year", rateMinor: 1_000_000, defaultQuantity: 7 },
    ],
  },
  milestones: [{ key: "review", title: "Review", kind: "standard", shareBp: 10_000, requirements: [] }],
  slaClauses: [clause("Availability"), clause("Latency"), clause("Support")],
} as unknown as ServicePackageView;

const objective = { ...emptyObjectiveDraft(), pain: "Reports are slow", observedBehaviour: "Waits a minute" };
const target = { metric: "report.latency", comparator: "lte" as const, value: 800, unit: "ms", percentile: 99 };

describe("the proposal form's values", () => {
  it("reads quantities with up to three decimals and tax rates as basis points, exactly", () => {
    expect(parseQuantity("2.5")).toBe(2.5);
    expect(parseQuantity("1,000.125")).toBe(1000.125);
    expect(parseQuantity("0.1")).toBe(0.1);
    expect(parseQuantity("1.2345")).toBeNull();
    expect(parseQuantity("-1")).toBeNull();
    expect(parseQuantity("")).toBeNull();
    expect(parseTaxRate("6")).toBe(600);
    expect(parseTaxRate("13.5")).toBe(1350);
    expect(parseTaxRate("")).toBe(0);
    expect(parseTaxRate("100.01")).toBeNull();
    expect(parseTaxRate("6.125")).toBeNull();
  });

  it("starts a new proposal today, valid for 30 days, with the package's defaults and every clause", () => {
    const state = emptyFormState("2026-12-02", pkg, "cl_1");
    expect(state).toMatchObject({
      clientId: "cl_1",
      packageId: "pkg_1",
      startDate: "2026-12-02",
      validUntil: "2027-01-01",
      quantities: { nodes: "3", retention_years: "7" },
      slaClauseIndexes: [0, 1, 2],
    });
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("turns the state into a draft, or names the fields a browser can already tell are wrong", () => {
    const state = {
      ...emptyFormState("2026-12-02", pkg, "cl_1"),
      title: "Ledger",
      taxRate: "6",
      slaClauseIndexes: [2, 0],
      objectives: [{ uid: "a", value: { ...objective, target }, link: { kind: "sla_clause" as const, index: 2 } }],
    };
    const read = draftFromState(state, ["nodes", "retention_years"], words);
    expect(read).toEqual({
      draft: expect.objectContaining({
        quantities: { nodes: 3, retention_years: 7 },
        taxRateBp: 600,
        paymentTermsDays: 30,
        // clauses and links name the package's clauses by their place in the package
        slaClauseIndexes: [0, 2],
        objectives: [expect.objectContaining({ pain: "Reports are slow", link: { kind: "sla_clause", index: 2 } })],
      }),
    });

    const bad = draftFromState(
      {
        ...state,
        quantities: { nodes: "three" },
        taxRate: "x",
        paymentTermsDays: "",
        objectives: [{ uid: "a", value: objective, link: null }],
      },
      ["nodes", "retention_years"],
      words,
    );
    expect(bad).toEqual({
      errors: expect.objectContaining({
        "quantities.nodes": ["quantity"],
        "quantities.retention_years": ["quantity"],
        taxRateBp: ["tax"],
        paymentTermsDays: ["days"],
        "objectives.0.target.value": ["number"],
      }),
    });
  });

  it("puts the server's issues at their fields, an objective's at that objective's own fields", () => {
    expect(fieldOfIssue("quantities.nodes")).toBe("quantities.nodes");
    expect(fieldOfIssue("draft.validUntil")).toBe("validUntil");
    expect(fieldOfIssue("objectives.1.target.value")).toBe("objectives.1.target.value");
    expect(fieldOfIssue("objectives.1.link")).toBe("objectives.1.link");
    expect(fieldOfIssue("")).toBe("form");
    const errors = { "objectives.1.target.value": ["x"], "objectives.10.pain": ["y"], title: ["z"] };
    expect(objectiveErrors(errors, 1)).toEqual({ "target.value": ["x"] });
  });

  it("places a refusal's reasons written as field: message at their fields", () => {
    expect(
      errorsOfReasons([
        "quantities.nodes: 0 is below the minimum 1",
        'objectives.0.link: the package has no milestone "x"',
        "validUntil: the validity date 2026-01-01 is before today (2026-12-02)",
        "a client with no approver",
      ]),
    ).toEqual({
      fields: {
        "quantities.nodes": ["0 is below the minimum 1"],
        "objectives.0.link": ['the package has no milestone "x"'],
        validUntil: ["the validity date 2026-01-01 is before today (2026-12-02)"],
      },
      rest: ["a client with no approver"],
    });
  });

  it("writes a link into the offer as one option value and reads it back", () => {
    for (const link of [
      { kind: "requirement" as const, milestoneKey: "poc", position: 2 },
      { kind: "sla_clause" as const, index: 1 },
    ])
      expect(linkFromValue(linkValue(link))).toEqual(link);
    expect(linkFromValue("")).toBeNull();
    expect(linkValue(null)).toBe("");
  });

  it("revises from the offer: clauses matched by title, links renumbered to the package, dates moved on", () => {
    const proposal = {
      id: "p1",
      title: "Ledger",
      client: { id: "cl_1", name: "Lakeside" },
      taxRateBp: 600,
      paymentTermsDays: 45,
      startDate: "2026-11-01",
      validUntil: "2026-11-30",
      offer: {
        package: { id: "pkg_1" },
        quantities: { nodes: 4 },
        slaClauses: [clause("Latency"), clause("Support")],
        objectives: [{ ...objective, target, link: { kind: "sla_clause", index: 1 } }],
      },
    } as unknown as ProposalView;
    const state = formStateFromProposal(proposal, pkg, "2026-12-02");
    expect(state).toMatchObject({
      quantities: { nodes: "4", retention_years: "7" },
      taxRate: "6",
      paymentTermsDays: "45",
      startDate: "2026-12-02",
      validUntil: "2027-01-01",
      slaClauseIndexes: [1, 2],
    });
    expect(state.objectives[0]?.link).toEqual({ kind: "sla_clause", index: 2 });
  });
});
