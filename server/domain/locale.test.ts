import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "./locale";

describe("locale negotiation", () => {
  it("follows the browser's ranked preferences", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("de-DE,de;q=0.9,zh-TW;q=0.5,en;q=0.4")).toBe("zh-CN");
    expect(negotiateLocale("fr, en-GB;q=0.7")).toBe("en");
    expect(negotiateLocale("en;q=0.2, zh;q=0.8")).toBe("zh-CN");
  });

  it("falls back to English for missing, unknown or zero-quality preferences", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("fr, de")).toBe("en");
    expect(negotiateLocale("zh;q=0")).toBe("en");
  });

  it("lets the user's setting win over the browser", () => {
    expect(resolveLocale("zh-CN", "en-US")).toBe("zh-CN");
    expect(resolveLocale(null, "zh-CN")).toBe("zh-CN");
    expect(resolveLocale("klingon", "en")).toBe("en");
  });
});
