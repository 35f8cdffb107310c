import { describe, expect, it } from "vitest";
import { formatMoney, minorUnitDigits } from "./currency";

describe("currency formatting", () => {
  it("knows the minor unit of each currency", () => {
    expect(minorUnitDigits("CNY")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("KWD")).toBe(3);
  });

  it("formats integer minor units per locale without float drift", () => {
    expect(formatMoney(100_000_000, "CNY", "en")).toBe("CN¥1,000,000.00");
    expect(formatMoney(100_000_000, "CNY", "zh-CN")).toBe("¥1,000,000.00");
    expect(formatMoney(1_234, "JPY", "en")).toBe("¥1,234");
    expect(formatMoney(1_234_567, "KWD", "en")).toBe("KWD\u00a01,234.567");
    expect(formatMoney(-5, "EUR", "en")).toBe("-€0.05");
  });

  it("keeps amounts beyond float precision exact", () => {
    expect(formatMoney(9_007_199_254_740_991, "USD", "en")).toBe("$90,071,992,547,409.91");
  });
});
