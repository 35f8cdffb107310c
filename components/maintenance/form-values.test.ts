import { describe, expect, it } from "vitest";
import { contractFieldsFromForm, contractFormDefaults, fieldOfIssue } from "./form-values";

const words = { badAmount: "bad amount", badWhole: "bad whole", required: "required" };

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values))
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  return data;
}

const filled = {
  termMonths: "12",
  startsOn: "2026-12-01",
  fee: "15,000.50",
  includes: " Upgrade channel, rule updates ",
  clauseIds: ["clause-a", "clause-b"],
  autoRenew: "on",
  noticeDays: "30",
  releaseTagPattern: "v1.*",
};

describe("the maintenance contract form", () => {
  it("reads every field, the fee in minor units exactly", () => {
    expect(contractFieldsFromForm(form(filled), 2, words, "create")).toEqual({
      fields: {
        termMonths: 12,
        startsOn: "2026-12-01",
        feeMinor: 1_500_050,
        includes: "Upgrade channel, rule updates",
        clauseIds: ["clause-a", "clause-b"],
        autoRenew: true,
        noticeDays: 30,
        releaseTagPattern: "v1.*",
      },
    });
  });

  it("leaves an empty start and fee out of a new contract, and an unticked box is no auto-renew", () => {
    const read = contractFieldsFromForm(form({ ...filled, startsOn: "", fee: "", autoRenew: [] }), 2, words, "create");
    expect(read).toEqual({
      fields: expect.not.objectContaining({ startsOn: expect.anything(), feeMinor: expect.anything() }),
    });
    expect("fields" in read && read.fields.autoRenew).toBe(false);
  });

  it("requires the start and the fee when a contract is edited", () => {
    expect(contractFieldsFromForm(form({ ...filled, startsOn: "", fee: "" }), 2, words, "edit")).toEqual({
      errors: { fee: ["required"], startsOn: ["required"] },
    });
  });

  it("names the fields it cannot read: a third decimal in EUR, a fractional or empty count", () => {
    expect(
      contractFieldsFromForm(form({ ...filled, fee: "10.005", termMonths: "1.5", noticeDays: "" }), 2, words, "create"),
    ).toEqual({ errors: { termMonths: ["bad whole"], noticeDays: ["bad whole"], fee: ["bad amount"] } });
    // a currency without minor units takes no decimals at all
    expect(contractFieldsFromForm(form({ ...filled, fee: "100.5" }), 0, words, "create")).toEqual({
      errors: { fee: ["bad amount"] },
    });
  });

  it("shows a contract's fields as typed text, and a new contract's defaults", () => {
    expect(contractFormDefaults(null, 2)).toEqual({
      termMonths: "12",
      startsOn: "",
      fee: "",
      includes: "",
      noticeDays: "30",
      releaseTagPattern: "v*",
    });
    const read = contractFieldsFromForm(form(filled), 2, words, "edit");
    if (!("fields" in read)) throw new Error("expected fields");
    const shown = contractFormDefaults({ ...read.fields, startsOn: "2026-12-01", feeMinor: 1_500_050 }, 2);
    expect(shown).toMatchObject({ fee: "15000.50", startsOn: "2026-12-01", releaseTagPattern: "v1.*" });
  });

  it("places the server's issues at their fields", () => {
    expect(fieldOfIssue("fields.feeMinor")).toBe("fee");
    expect(fieldOfIssue("feeMinor")).toBe("fee");
    expect(fieldOfIssue("clauseIds.3")).toBe("clauseIds");
    expect(fieldOfIssue("fields.releaseTagPattern")).toBe("releaseTagPattern");
    expect(fieldOfIssue("engagementId")).toBe("form");
    expect(fieldOfIssue("")).toBe("form");
  });
});
