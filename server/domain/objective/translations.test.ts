import { describe, expect, it } from "vitest";
import en from "../../i18n/messages/en.json";
import zh from "../../i18n/messages/zh-CN.json";
import { ZTechnicalTarget } from "./objective";
import { TARGET_TRANSLATIONS, translationFor } from "./translations";

type Library = Record<string, { pain?: string; goal?: string }>;
const library = (catalog: unknown): Library =>
  ((catalog as { objectives?: { library?: Library } }).objectives?.library ?? {}) as Library;

describe("the target translation library", () => {
  it("holds the field guide's three translations", () => {
    expect(translationFor("slow_reports")?.target).toEqual({
      metric: "report_latency",
      comparator: "lt",
      value: 800,
      unit: "ms",
      percentile: 99,
    });
    expect(translationFor("export_stutters")?.target).toMatchObject({ comparator: "lte", value: 2, unit: "s" });
    expect(translationFor("missing_data")?.target).toMatchObject({
      metric: "cdc_lag",
      comparator: "lt",
      value: 3,
      unit: "s",
      percentile: 95,
    });
    expect(translationFor("no_such_pain")).toBeNull();
  });

  it("has between six and eight entries, unique keys, and targets a form accepts", () => {
    expect(TARGET_TRANSLATIONS.length).toBeGreaterThanOrEqual(6);
    expect(TARGET_TRANSLATIONS.length).toBeLessThanOrEqual(8);
    expect(new Set(TARGET_TRANSLATIONS.map((entry) => entry.key)).size).toBe(TARGET_TRANSLATIONS.length);
    for (const entry of TARGET_TRANSLATIONS) {
      expect(ZTechnicalTarget.parse(entry.target)).toEqual(entry.target);
      expect(entry.costUnit.length).toBeGreaterThan(0);
    }
  });

  it("names every entry's pain and goal in both catalogs", () => {
    for (const catalog of [en, zh]) {
      const words = library(catalog);
      for (const { key } of TARGET_TRANSLATIONS) {
        expect(words[key]?.pain, key).toBeTruthy();
        expect(words[key]?.goal, key).toBeTruthy();
      }
    }
  });
});
