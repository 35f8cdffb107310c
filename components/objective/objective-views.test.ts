import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh-CN.json";
import type { ObjectiveView } from "@/server/domain/objective/objective";
import { TARGET_TRANSLATIONS } from "@/server/domain/objective/translations";
import { applyTranslation, emptyObjectiveDraft } from "./form-values";
import { ObjectiveFields } from "./objective-fields";
import { ObjectiveTable } from "./objective-table";

// The objectives table and fields rendered with the real catalogs, in both languages: what the
// consultant's tab, the client's portal and the proposal form show.

function render(node: ReactNode, locale: "en" | "zh-CN" = "en"): string {
  const messages = locale === "en" ? en : zh;
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale, messages, timeZone: "UTC", children: node }),
  );
}

const reports: ObjectiveView = {
  id: "o1",
  pain: "Reports are slow",
  observedBehaviour: "Analysts wait on each query",
  cost: { value: 40, unit: "hours/month" },
  costPerQuarterMinor: 18_000_000,
  businessGoal: "Month-end reports without waiting",
  target: { metric: "report_latency", comparator: "lt", value: 800, unit: "ms", percentile: 99 },
  baseline: 2400,
  actual: 612.5,
  verdict: "met",
  source: { kind: "requirement", id: "r1" },
  sourceLabel: { milestoneId: "m1", milestone: "Proof of concept", requirementKind: "go-bench" },
  actualAt: "2026-10-02T09:15:00.000Z",
  actualDetail: "BenchmarkSyncBlock median",
  translationKey: "slow_reports",
};
const exports: ObjectiveView = {
  ...reports,
  id: "o2",
  pain: "Export stutters",
  cost: { value: null, unit: "% of exports" },
  costPerQuarterMinor: null,
  businessGoal: "",
  target: { metric: "http_read_timeout", comparator: "lte", value: 2, unit: "s", percentile: null },
  baseline: null,
  actual: null,
  verdict: "no_data",
  source: null,
  actualAt: null,
  actualDetail: null,
};
const sources = {
  r1: { label: "Proof of concept: Benchmark BenchmarkSyncBlock", href: "/engagements/e1/milestones/m1" },
};

describe("the objectives table", () => {
  it("shows baseline, target and actual with the verdict and where the actual comes from", () => {
    const html = render(
      createElement(ObjectiveTable, {
        objectives: [reports, exports],
        currency: "CNY",
        caption: "Objectives",
        sources,
      }),
    );
    expect(html).toContain('data-verdict="met"');
    expect(html).toContain(">Met<");
    expect(html).toContain("P99 &lt; 800 ms");
    expect(html).toContain("2,400 ms");
    expect(html).toContain("612.5 ms");
    expect(html).toContain("Oct 2, 2026 · BenchmarkSyncBlock median");
    expect(html).toContain("CN¥180,000.00 per quarter");
    expect(html).toContain('href="/engagements/e1/milestones/m1"');
    expect(html).toContain("Gate requirement");
    // the export objective: nothing measured, no source, cost not quantified
    expect(html).toContain('data-verdict="no_data"');
    expect(html).toContain("≤ 2 s");
    expect(html).toContain("not measured yet");
    expect(html).toContain("No source");
    expect(html).toContain("not quantified");
    expect(html).not.toContain("<button");
  });

  it("speaks Chinese in the portal", () => {
    const html = render(
      createElement(ObjectiveTable, { objectives: [reports], currency: "CNY", caption: "目标", sources: {} }),
      "zh-CN",
    );
    expect(html).toContain("已达成");
    expect(html).toContain("基线 → 目标 → 实际");
    expect(html).toContain("每季度 ¥180,000.00");
  });

  it("says when there is nothing yet", () => {
    const html = render(createElement(ObjectiveTable, { objectives: [], currency: "EUR", caption: "x", sources }));
    expect(html).toContain("No objectives yet.");
  });
});

describe("the objective fields", () => {
  const entry = TARGET_TRANSLATIONS.find((one) => one.key === "missing_data")!;
  const draft = applyTranslation(emptyObjectiveDraft(), entry, { pain: "Yesterday's data is missing", goal: "" });
  const fields = (locale: "en" | "zh-CN") =>
    render(
      createElement(ObjectiveFields, {
        value: draft,
        onChange: () => undefined,
        errors: { observedBehaviour: ["Too small"] },
        currency: "EUR",
        sourcePicker: createElement("p", { id: "picker" }, "source here"),
      }),
      locale,
    );

  it("offers every library entry and shows the filled target in the three steps", () => {
    const html = fields("en");
    for (const one of TARGET_TRANSLATIONS) expect(html).toContain(`value="${one.key}"`);
    expect(html).toContain("Yesterday&#x27;s data is missing → P95 &lt; 3 s");
    expect(html).toContain("1. Observed behaviour and its cost");
    expect(html).toContain("3. Technical target");
    expect(html).toContain('value="cdc_lag"');
    expect(html).toContain('value="hours of delay"');
    expect(html).toContain("Target: P95 &lt; 3 s");
    expect(html).toContain("Cost per quarter (EUR)");
    expect(html).toContain('data-field-error="observedBehaviour"');
    expect(html).toContain('id="picker"');
  });

  it("labels the fields in Chinese", () => {
    const html = fields("zh-CN");
    expect(html).toContain("从常见痛点开始");
    expect(html).toContain("目标：P95 &lt; 3 s");
  });
});
