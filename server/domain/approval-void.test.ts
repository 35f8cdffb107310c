import { describe, expect, it } from "vitest";
import { describeVoidReason, visibleVoidReason } from "./approval-void";

describe("why an approval was voided", () => {
  const amount = {
    kind: "amount_changed",
    fromMinor: 30_000_000,
    toMinor: 35_000_000,
    changeOrderReason: "load test added",
  };

  it("names the change of amount to readers who see amounts", () => {
    expect(describeVoidReason(visibleVoidReason(amount, true), "en", "CNY")).toBe(
      "a change order changed the amount from CN¥300,000.00 to CN¥350,000.00 (load test added)",
    );
    expect(describeVoidReason(visibleVoidReason(amount, true), "zh-CN", "CNY")).toContain(
      "由 ¥300,000.00 改为 ¥350,000.00",
    );
  });

  it("keeps the amounts from readers who may not see them, and says why all the same", () => {
    const hidden = visibleVoidReason(amount, false);
    expect(hidden).toEqual({
      kind: "amount_changed",
      fromMinor: null,
      toMinor: null,
      changeOrderReason: "load test added",
    });
    expect(describeVoidReason(hidden, "en", "CNY")).toBe("a change order changed the amount (load test added)");
    expect(describeVoidReason(hidden, "en", "CNY")).not.toMatch(/\d/);
  });

  it("reads rows voided before reasons were kept as evidence changes", () => {
    expect(visibleVoidReason(null, true)).toEqual({ kind: "evidence_changed" });
    expect(describeVoidReason({ kind: "evidence_changed" }, "en", "EUR")).toBe(
      "the evidence changed after this decision",
    );
  });
});
