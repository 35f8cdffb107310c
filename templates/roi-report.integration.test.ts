import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RoiReport } from "@/server/domain/roi/report";
import { sampleRoiReport } from "@/server/domain/roi/report.fixture";
import { renderRoiReportPdf } from "@/server/services/pdf/roi-report";

// The ROI report as poppler reads it back: the words a finance reader looks for, in both
// languages, five A4 pages (the map and the debt register landscape), nothing past the margins.

function poppler(tool: string, pdf: Buffer, ...args: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tollgate-roi-report-"));
  writeFileSync(path.join(dir, "doc.pdf"), pdf);
  const out = spawnSync(tool, [...args, path.join(dir, "doc.pdf"), ...(tool === "pdftotext" ? ["-"] : [])], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout;
}

/** Reading order, runs of white space as one space: wrapped cells and sentences read whole. */
const words = (pdf: Buffer) => poppler("pdftotext", pdf).replace(/\s+/g, " ");

const report = sampleRoiReport();

/** Each page's size in points, after checking every word lies inside the page's margins. */
function pageSizesWithinMargins(pdf: Buffer): number[][] {
  const pages = poppler("pdftotext", pdf, "-bbox")
    .split(/<page /)
    .slice(1);
  return pages.map((page) => {
    const [, w, h] = /^width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
    const [width, height] = [Number(w), Number(h)];
    for (const word of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/g,
    )) {
      expect(Number(word[1]), word[5]).toBeGreaterThanOrEqual(44 - 1);
      expect(Number(word[3]), word[5]).toBeLessThanOrEqual(width - 44 + 1);
      expect(Number(word[2]), word[5]).toBeGreaterThanOrEqual(40 - 12);
      expect(Number(word[4]), word[5]).toBeLessThanOrEqual(height - 20 + 0.5);
    }
    return [Math.round(width), Math.round(height)];
  });
}

/** The sample stretched: every table and the map longer than one page holds. */
function largeReport(): RoiReport {
  const debt = Array.from({ length: 50 }, (_, i) => ({
    ...report.debt[i % report.debt.length]!,
    id: `debt-${i}`,
    title: `第 ${i + 1} 项技术债务：Reconciler endpoint ${i + 1} hard-coded in the settlement path`,
  }));
  const cashFlows = Array.from({ length: 120 }, (_, month) => ({
    month,
    investmentMinor: month % 7 === 0 ? 50_000_000 : 0,
    benefitMinor: month > 3 ? 12_345_678 : 0,
    netMinor: (month > 3 ? 12_345_678 : 0) - (month % 7 === 0 ? 50_000_000 : 0),
  }));
  const components = Array.from({ length: 12 }, (_, i) => ({
    ...report.systemMap.components[i % report.systemMap.components.length]!,
    id: `cmp-${i}`,
    name: `结算服务 ${i + 1} — settlement component with a long name`,
    debtItemIds: [`debt-${i}`],
  }));
  return {
    ...report,
    horizonMonths: 120,
    cashFlows,
    debt,
    inputs: {
      ...report.inputs,
      horizonMonths: 120,
      debt: debt.map((d, i) => ({ ...report.inputs.debt[i % report.inputs.debt.length]!, id: d.id, title: d.title })),
    },
    systemMap: {
      components,
      dependencies: components
        .slice(1)
        .map((c, i) => ({ fromId: components[Math.floor(i / 2)]!.id, toId: c.id, label: "" })),
    },
  };
}

describe("ROI report PDF", () => {
  it("prints the summary, NPV with its confidence interval, the debt register and the payback month in English", async () => {
    const pdf = await renderRoiReportPdf(report, "en");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = words(pdf);
    for (const expected of [
      "Return on investment",
      "NPV",
      "Net present value at 8 %",
      "80 % confidence interval (P10–P90)",
      `simulated outcomes`,
      `The investment pays back in month ${report.paybackMonth}`,
      "Debt register, ranked by WSJF",
      "System map: where the money sits",
      "Cash flows by month",
      "Assumptions",
      "Random seed 17",
      ...report.debt.map((item) => item.title),
      ...report.systemMap.components.map((component) => component.name),
    ])
      expect(text).toContain(expected);
    expect(report.paybackMonth).not.toBeNull();
  });

  it("prints the same report in Simplified Chinese", async () => {
    const text = words(await renderRoiReportPdf(report, "zh-CN")).replace(/ /g, "");
    for (const expected of [
      "投资回报分析",
      "净现值（NPV）",
      "80%置信区间（P10–P90）",
      `投资在第${report.paybackMonth}个月`,
      "技术债务登记表",
      "系统架构图",
      "假设",
      ...report.debt.map((item) => item.title.replace(/ /g, "")),
    ])
      expect(text).toContain(expected);
  });

  it("says a running simulation is running and prints no interval", async () => {
    const running: RoiReport = {
      ...report,
      monteCarlo: {
        ...report.monteCarlo,
        status: "pending",
        npvP10Minor: null,
        npvP50Minor: null,
        npvP90Minor: null,
        probabilityPositive: null,
        histogram: [],
      },
    };
    const text = words(await renderRoiReportPdf(running, "en"));
    expect(text).toContain("The simulation of 10,000 outcomes is still running");
    expect(text).not.toContain("confidence interval (P10–P90)");
  });

  it("is five A4 pages with every word inside the margins", async () => {
    const pdf = await renderRoiReportPdf(report, "en");
    expect(poppler("pdfinfo", pdf)).toMatch(/^Pages:\s+5$/m);
    expect(pageSizesWithinMargins(pdf)).toEqual([
      [595, 842],
      [842, 595],
      [842, 595],
      [595, 842],
      [595, 842],
    ]);
  });

  it("flows a large engagement (50 debt items, 120 months, 12 components) onto more pages, inside the margins", async () => {
    const large = largeReport();
    const pdf = await renderRoiReportPdf(large, "zh-CN");
    const sizes = pageSizesWithinMargins(pdf);
    expect(sizes.length).toBeGreaterThan(6);
    const text = words(pdf).replace(/ /g, "");
    for (const item of [large.debt[0]!, large.debt[49]!]) expect(text).toContain(item.title.replace(/ /g, ""));
    expect(text).toContain("2036年8月");
  });
});
