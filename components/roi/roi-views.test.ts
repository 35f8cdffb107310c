import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh-CN.json";
import { sampleRoiReport } from "@/server/domain/roi/report.fixture";
import { pendingMonteCarlo } from "@/server/domain/roi/monte-carlo";
import { HeadlineFigures } from "./headline-figures";
import { ReportRegister } from "./report-register";
import { SystemMapDrawing } from "./system-map-drawing";

// The report's read-only views rendered with the real catalogs: what the consultant's ROI page and
// the client's portal page show, in both languages.

function render(node: ReactNode, locale: "en" | "zh-CN" = "en"): string {
  const messages = locale === "en" ? en : zh;
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale, messages, timeZone: "UTC", children: node }),
  );
}

describe("ROI views", () => {
  const report = sampleRoiReport();

  it("shows NPV, payback and the confidence interval", () => {
    const html = render(createElement(HeadlineFigures, { report }));
    expect(html).toContain("NPV at 8 %");
    expect(html).toContain("80 % confidence interval");
    expect(html).toContain(`data-testid="roi-npv"`);
    if (report.paybackMonth !== null) expect(html).toContain(`month ${report.paybackMonth} (`);
    expect(html).not.toContain("Simulation running");
  });

  it("says the simulation is running while it is pending", () => {
    const pending = { ...report, monteCarlo: pendingMonteCarlo(report.inputs) };
    const html = render(createElement(HeadlineFigures, { report: pending }), "zh-CN");
    expect(html).toContain("模拟正在运行");
    expect(html).not.toContain("置信区间（P10–P90）");
  });

  it("lists the debt ranked by WSJF with their ranges", () => {
    const html = render(createElement(ReportRegister, { report, caption: "Register" }));
    const titles = report.debt.map((item) => html.indexOf(item.title));
    expect(titles.every((at) => at >= 0)).toBe(true);
    expect([...titles].sort((a, b) => a - b)).toEqual(titles);
    expect(html).toContain('data-rank="1"');
  });

  it("draws each component of the system map with its money", () => {
    const html = render(createElement(SystemMapDrawing, { map: report.systemMap, currency: report.currency }));
    for (const component of report.systemMap.components) expect(html).toContain(`data-component="${component.name}"`);
    expect(html).toContain("<polyline");
    expect(html).toContain("cost of delay");
  });
});
