// PDF rendering (BENCHMARKS.md): a 2-page invoice and a 50-page statement, with the CJK font the
// documents register, timed warm (after the server-like warm-up below). Each in its own process
// so peak RSS is its own:
//   tsx bench/pdf.tsx             runs both and prints the table rows
//   tsx bench/pdf.tsx one <pages> renders a document of that many pages
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { invoiceDocument } from "../server/domain/invoice-document";
import { renderPdf } from "../server/services/pdf/render";
import { pdfTextMeasure } from "../server/services/pdf/text-measure";
import { InvoicePdf } from "../templates/invoice";
import { sampleInvoiceSource } from "../templates/test-support/invoice-source";

function source(lines: number) {
  return sampleInvoiceSource(
    // every line its own text and digest, as on a real statement (nothing repeats to be cached)
    Array.from({ length: lines }, (_, i) => ({
      description: `里程碑 ${i + 1} — milestone ${i + 1}`,
      evidence: [{ kind: "lcov", verdict: "pass", sha256: createHash("sha256").update(String(i)).digest("hex") }],
    })),
    {
      seller: {
        name: "Northwind Consulting",
        legalName: "Northwind Consulting GmbH",
        taxId: "DE 312 456 789",
        address: "Hafenstraße 12, Hamburg",
        paymentInstructions: "Bank transfer, quote the invoice number.",
      },
      buyer: {
        name: "Eastbank",
        legalName: "东岸银行股份有限公司",
        taxId: "91310000MA1EASTB01",
        address: "上海市浦东新区世纪大道 88 号",
      },
      engagement: "区块链数据同步器 — 私有化部署",
    },
  );
}

/** The most lines whose invoice still takes `pages` pages (the page plan decides, as when issuing). */
async function linesFor(pages: number): Promise<number> {
  const measure = await pdfTextMeasure();
  const fits = (lines: number) => invoiceDocument(source(lines), "zh-CN", measure).pages.length <= pages;
  // pages grow with lines: the largest count that fits, by bisection
  let [low, high] = [1, 40 * pages];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

async function timed(pages: number) {
  const lines = await linesFor(pages);
  const data = source(lines);
  // what issuing does: the document (its table laid out with the font) and its rendering
  const render = async () => renderPdf(<InvoicePdf doc={invoiceDocument(data, "zh-CN", await pdfTextMeasure())} />);
  const first = performance.now();
  await render();
  const coldMs = performance.now() - first;
  // a running server has rendered many documents: V8 optimises the layout code only after it
  // has run for a while, so the first dozen renders are not what a warm server pays
  const warmUntil = performance.now() + 4_000;
  while (performance.now() < warmUntil) await render();
  const runs = pages > 10 ? 5 : 20;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    bytes = (await render()).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      lines,
      pages: invoiceDocument(data, "zh-CN", await pdfTextMeasure()).pages.length,
      coldMs,
      warmMedianMs: times[Math.floor(times.length / 2)],
      bytes,
    }),
  );
}

/** Peak RSS of one render in a fresh process (the warm-up loop's garbage would inflate it). */
async function memory(pages: number) {
  const lines = await linesFor(pages);
  await renderPdf(<InvoicePdf doc={invoiceDocument(source(lines), "zh-CN", await pdfTextMeasure())} />);
  console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function child(mode: string, pages: number) {
  // React in production mode, as the server renders (development mode is ~1.5x slower)
  const run = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, mode, String(pages)], {
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as Record<string, number>;
}

const [mode, count] = process.argv.slice(2);
if (mode === "time") {
  await timed(Number(count));
} else if (mode === "memory") {
  await memory(Number(count));
} else {
  for (const pages of [2, 50]) {
    const r = child("time", pages);
    const m = child("memory", pages);
    console.log(
      `  ${`${r.pages}-page document (${r.lines} lines)`.padEnd(32)} warm ${r.warmMedianMs!.toFixed(0)} ms ` +
        `(first ${r.coldMs!.toFixed(0)} ms), ${(r.bytes! / 1024).toFixed(0)} KB, ` +
        `peak RSS ${m.peakRssMb!.toFixed(0)} MB`,
    );
  }
}
