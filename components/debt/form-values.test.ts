import { describe, expect, it } from "vitest";
import type { DebtItemView } from "@/server/domain/debt/item";
import { ZDebtItemFields } from "@/server/domain/debt/item";
import { debtFieldsFromForm, debtFormDefaults, fieldOfIssue, parseDays } from "./form-values";

const words = { badAmount: "bad amount", badDays: "bad days" };

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values))
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  return data;
}

describe("debt form values", () => {
  it("turns major units into minor units exactly", () => {
    const read = debtFieldsFromForm(
      form({
        title: "Gateway without circuit breaker",
        impact: "critical",
        costLow: "3,500,000",
        costLikely: "4200000.10",
        costHigh: "5000000",
        daysLikely: "17",
        status: "scheduled",
        scheduledMonth: "2027-01",
        fixedOn: "2027-02-01",
        adrIds: ["adr1", "adr2"],
      }),
      2,
      words,
    );
    if (!("fields" in read)) throw new Error("refused");
    expect(read.fields.costPerQuarterMinor).toEqual({ low: 350_000_000, likely: 420_000_010, high: 500_000_000 });
    // a single figure is all three
    expect(read.fields.fixDays).toEqual({ low: 17, likely: 17, high: 17 });
    expect(read.fields.fixedOn).toBeNull();
    expect(read.fields.scheduledMonth).toBe("2027-01");
    expect(read.fields.adrIds).toEqual(["adr1", "adr2"]);
    expect(ZDebtItemFields.safeParse(read.fields).success).toBe(true);
  });

  it("names the fields that are not amounts or days", () => {
    const read = debtFieldsFromForm(
      form({ title: "x", impact: "low", costLikely: "12.345", daysLikely: "1.5", daysHigh: "two" }),
      2,
      words,
    );
    expect(read).toEqual({ errors: { costLikely: ["bad amount"], daysHigh: ["bad days"] } });
  });

  it("keeps hundredths of days without float error", () => {
    expect(parseDays("0.29")).toBe(0.29);
    expect(parseDays("2.5")).toBe(2.5);
    expect(parseDays("1.005")).toBeNull();
    expect(parseDays("")).toBeNull();
  });

  it("starts an edit from the item's figures in major units", () => {
    const item = {
      id: "d1",
      engagementId: "e1",
      source: null,
      revision: 3,
      createdAt: "",
      updatedAt: "",
      title: "T",
      description: "",
      impact: "high",
      costPerQuarterMinor: { low: 86_500_000, likely: 86_500_000, high: 90_000_005 },
      fixDays: { low: 4, likely: 5, high: 7.5 },
      plAccount: "operations",
      status: "fixed",
      scheduledMonth: null,
      fixedOn: "2026-12-01",
      objectiveIds: [],
      adrIds: [],
      requirementIds: [],
      componentId: null,
    } satisfies DebtItemView;
    const defaults = debtFormDefaults(item, 2);
    expect(defaults).toMatchObject({
      costLow: "865000.00",
      costHigh: "900000.05",
      daysHigh: "7.5",
      fixedOn: "2026-12-01",
    });
  });

  it("puts a server issue on its field", () => {
    expect(fieldOfIssue("fields.costPerQuarterMinor.high")).toBe("costHigh");
    expect(fieldOfIssue("fields.fixDays")).toBe("daysLikely");
    expect(fieldOfIssue("fields.scheduledMonth")).toBe("scheduledMonth");
    expect(fieldOfIssue("expectedRevision")).toBe("form");
  });
});
