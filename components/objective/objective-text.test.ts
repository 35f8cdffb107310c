import { describe, expect, it } from "vitest";
import { costText, figureText, percentileText, targetText } from "./objective-text";

describe("objective figures as text", () => {
  it("writes a percentile target the way engineers read it", () => {
    expect(targetText({ comparator: "lte", value: 800, unit: "ms", percentile: 99 }, "en")).toBe("P99 ≤ 800 ms");
    expect(targetText({ comparator: "lt", value: 3, unit: "s", percentile: 95 }, "zh-CN")).toBe("P95 < 3 s");
    expect(percentileText(99.9, "en")).toBe("P99.9");
  });

  it("leaves the percentile out where the metric is not one", () => {
    expect(targetText({ comparator: "lte", value: 2, unit: "s", percentile: null }, "en")).toBe("≤ 2 s");
    expect(targetText({ comparator: "gte", value: 99.9, unit: "%" }, "en")).toBe("≥ 99.9%");
    expect(targetText({ comparator: "eq", value: 0, unit: "errors" }, "en")).toBe("= 0 errors");
  });

  it("groups digits in the reader's locale and keeps the unit", () => {
    expect(figureText(2400, "ms", "en")).toBe("2,400 ms");
    expect(figureText(1234.5, "", "de")).toBe("1.234,5");
    expect(figureText(0.000001, "s", "en")).toBe("0.000001 s");
  });

  it("says nothing of a cost that is not quantified", () => {
    expect(costText({ value: null, unit: "hours/month" }, "en")).toBeNull();
    expect(costText({ value: 40, unit: "hours/month" }, "en")).toBe("40 hours/month");
    expect(costText({ value: 12.5, unit: "" }, "en")).toBe("12.5");
  });
});
