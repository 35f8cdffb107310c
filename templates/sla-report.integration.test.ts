import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { slaReportViewModel } from "@/server/domain/sla/report-document";
import { novemberReportSource } from "@/server/domain/sla/report-source.fixture";
import { renderPdf } from "@/server/services/pdf/render";
import { SlaReportDocument } from "./sla-report";

// The SLA report as poppler reads it back: the words a reader sees, in both languages, and every
// page an A4 page with nothing past its margins.

function pdfText(pdf: Buffer, ...args: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tollgate-sla-report-"));
  writeFileSync(path.join(dir, "doc.pdf"), pdf);
  const out = spawnSync("pdftotext", [...args, path.join(dir, "doc.pdf"), "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout;
}

const render = async (locale: "en" | "zh-CN") =>
  renderPdf(
    createElement(SlaReportDocument, {
      vm: slaReportViewModel(novemberReportSource(), locale, new Date("2026-12-01T08:00:00Z")),
    }),
  );

describe("SLA report PDF", () => {
  it("prints the period, each clause's terms, figures, incidents and the total in English", async () => {
    const pdf = await render("en");
    const text = pdfText(pdf, "-layout").replace(/[ \t]+/g, " ");
    for (const words of [
      "SLA compliance report",
      "Period: November 2026",
      "Provider: Northwind Consulting",
      "Client: Eastbank",
      "0 of 3 clauses met · 3 breached · 0 without data",
      "Sync delay",
      "P99 latency ≤ 1.5 s in every 5-minute window",
      "CN¥2,000.00 per breached window, at most CN¥85,000.00 per incident",
      "8,616 judged · 49 breached · 0 without data · 24 excluded",
      "CN¥93,000.00 (capped)",
      "2026-11-03 10:00 2026-11-03 13:45 45 CN¥85,000.00",
      "2026-11-20 15:00 2026-11-20 15:20 4 CN¥8,000.00",
      "Excluded maintenance",
      "2026-11-15 02:00 – 2026-11-15 04:00 · Node upgrade",
      "Availability ≥ 99.995 % over the year",
      "not credited in this report: the clause is credited per year",
      "When above 12 for 5 minutes: Joint load test",
      "Total SLA credit for the period CN¥93,000.00",
    ])
      expect(text).toContain(words);
  });

  it("prints the same report in Simplified Chinese", async () => {
    const text = pdfText(await render("zh-CN"), "-layout").replace(/[ \t]+/g, " ");
    for (const words of [
      "SLA 合规报告",
      "期间: 2026年11月",
      "每个 5 分钟窗口内 P99 延迟 ≤ 1.5 s",
      "违约",
      "每个违约窗口赔付 ¥2,000.00，每次事件最多 ¥85,000.00",
      "¥93,000.00 (已达上限)",
      "每年可用性 ≥ 99.995 %",
      "高于 12 持续 5 分钟时：Joint load test",
      "本期 SLA 赔付合计 ¥93,000.00",
    ])
      expect(text).toContain(words);
  });

  it("keeps every word on A4 pages inside the margins", async () => {
    const boxes = pdfText(await render("en"), "-bbox");
    const pages = [...boxes.matchAll(/<page width="([\d.]+)" height="([\d.]+)"/g)];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) expect([Math.round(Number(page[1])), Math.round(Number(page[2]))]).toEqual([595, 842]);
    for (const word of boxes.matchAll(
      /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/g,
    )) {
      expect(Number(word[1]), word[4]).toBeGreaterThanOrEqual(44 - 1);
      expect(Number(word[2]), word[4]).toBeLessThanOrEqual(595 - 44 + 1);
      expect(Number(word[3]), word[4]).toBeLessThanOrEqual(842 - 20 + 0.5);
    }
  });
});
