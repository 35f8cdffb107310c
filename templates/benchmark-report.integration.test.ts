import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { benchmarkReport } from "@/server/domain/benchmark-report";
import { benchmarkReportViewModel, type BenchmarkReportSource } from "@/server/domain/benchmark-report-document";
import { DEFAULT_LIMITS } from "@/server/domain/evidence/errors";
import { parseGoBench } from "@/server/domain/evidence/go-bench";
import { bytesOf } from "@/server/domain/evidence/stream";
import { LOCALES } from "@/server/domain/locale";
import { renderPdf } from "@/server/services/pdf/render";
import { BenchmarkReportDocument } from "./benchmark-report";

// The report's pages are planned by an estimate (benchmark-report-document.ts): with the longest
// texts it allows, every planned page must come out as exactly one landscape A4 page, with
// nothing below the footer's line and no word past the right margin.

const fixture = (name: string) =>
  parseGoBench(
    bytesOf(readFileSync(path.resolve(import.meta.dirname, "../server/domain/evidence/fixtures", name))),
    DEFAULT_LIMITS,
  );

function layout(pdf: Buffer) {
  const dir = mkdtempSync(path.join(tmpdir(), "tollgate-bench-layout-"));
  writeFileSync(path.join(dir, "doc.pdf"), pdf);
  const out = spawnSync("pdftotext", ["-bbox", path.join(dir, "doc.pdf"), "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(out.stderr);
  const pages: { width: number; height: number; words: { xMax: number; yMax: number; text: string }[] }[] = [];
  for (const line of out.stdout.split("\n")) {
    const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (page) pages.push({ width: Number(page[1]), height: Number(page[2]), words: [] });
    const word = /<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (word) pages.at(-1)?.words.push({ xMax: Number(word[1]), yMax: Number(word[2]), text: word[3]! });
  }
  return pages;
}

async function longestSource(): Promise<BenchmarkReportSource> {
  const report = benchmarkReport(await fixture("bench-rowdigest-v2.txt"), await fixture("bench-rowdigest-v3.txt"));
  const benchmarks = Array.from({ length: 14 }, (_, i) =>
    report.benchmarks.map((row) => ({
      ...row,
      name: `${row.name}/rows=${10 ** (i % 6)}/parallel=${i}/encoding=canonical-utf8-with-checksums`,
    })),
  ).flat();
  const only = Array.from({ length: 30 }, (_, i) => `BenchmarkOnlyOnOneSide/size=${i * 1024}/mode=streaming`);
  return {
    engagement:
      "Financial-grade blockchain data synchroniser — private deployment, phase two: 金融级区块链数据同步器私有化部署".repeat(
        2,
      ),
    client: "Eastbank Commercial Bank of the Greater Bay Area (东岸商业银行)",
    milestone:
      "Proof of concept — performance of block synchronisation under sustained load 持续负载下区块同步的性能验证",
    baseline: {
      sha256: "a".repeat(64),
      filename: `${"bench-baseline-".repeat(20)}.txt`,
      createdAt: "2026-11-20T09:30:00.000Z",
      milestoneTitle: "Architecture review 架构评审",
    },
    current: {
      sha256: "b".repeat(64),
      filename: "bench.txt",
      createdAt: "2026-11-27T16:05:00.000Z",
      milestoneTitle: "Proof of concept 概念验证",
    },
    report: { benchmarks, onlyInBaseline: only, onlyInCurrent: only },
  };
}

describe("benchmark report PDF", () => {
  it.each(LOCALES)("puts every planned page on exactly one landscape A4 page (%s)", async (locale) => {
    const vm = benchmarkReportViewModel(await longestSource(), locale, new Date("2026-12-01T08:00:00Z"));
    expect(vm.pages.length).toBeGreaterThan(3);
    const pages = layout(await renderPdf(createElement(BenchmarkReportDocument, { vm })));
    expect(pages).toHaveLength(vm.pages.length);
    for (const [index, page] of pages.entries()) {
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595]);
      const footer = page.words.find((word) => word.text === `${index + 1}`);
      expect(footer, `page ${index + 1} has its number`).toBeDefined();
      for (const word of page.words) {
        expect(word.yMax, `"${word.text}" on page ${index + 1}`).toBeLessThanOrEqual(page.height - 20 + 0.5);
        expect(word.xMax, `"${word.text}" on page ${index + 1}`).toBeLessThanOrEqual(page.width - 36 + 1);
      }
      // the table's last row stays above the footer's line
      const body = page.words.filter((word) => !/^(Page|页|\d+|\/)$/.test(word.text));
      expect(Math.max(...body.map((word) => word.yMax)), `page ${index + 1}`).toBeLessThanOrEqual(page.height - 36);
    }
  });
});
