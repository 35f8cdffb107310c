import { describe, expect, it } from "vitest";
import { z } from "zod";
import { missingPlFields, plFieldsOf, plOf, refinePlFields, ZAdrPlFields } from "./pl";

const ZInput = z.strictObject({ ...ZAdrPlFields }).superRefine(refinePlFields);
const FULL = {
  plAccount: "operations",
  plAmountMinor: 3_000_000,
  plRecurrence: "per_quarter",
  plEffect: "cost",
} as const;

describe("an ADR's P&L label", () => {
  it("is all four fields or none", () => {
    expect(missingPlFields({})).toEqual([]);
    expect(missingPlFields(FULL)).toEqual([]);
    expect(missingPlFields({ plAccount: "operations" })).toEqual(["plAmountMinor", "plRecurrence", "plEffect"]);
    expect(ZInput.safeParse({}).success).toBe(true);
    expect(ZInput.safeParse(FULL).success).toBe(true);
    const partial = ZInput.safeParse({ plAccount: "operations", plEffect: "saving" });
    expect(partial.success).toBe(false);
    expect(partial.error?.issues.map((issue) => issue.path.join("."))).toEqual(["plAmountMinor", "plRecurrence"]);
  });

  it("turns the flat fields into a label and back", () => {
    const label = plOf(FULL);
    expect(label).toEqual({ account: "operations", amountMinor: 3_000_000, recurrence: "per_quarter", effect: "cost" });
    expect(plFieldsOf(label)).toEqual(FULL);
    expect(plOf({})).toBeNull();
    expect(plFieldsOf(null)).toEqual({});
  });

  it("refuses an amount that is not whole minor units above zero", () => {
    expect(ZInput.safeParse({ ...FULL, plAmountMinor: 0 }).success).toBe(false);
    expect(ZInput.safeParse({ ...FULL, plAmountMinor: 10.5 }).success).toBe(false);
  });
});
