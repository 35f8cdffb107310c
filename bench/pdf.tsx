// PDF rendering (BENCHMARKS.md): a 2-page invoice, warm, and a 50-page statement, with the CJK
// font the documents register. Each in its own process so peak RSS is its own:
//   tsx bench/pdf.tsx            runs both and prints the table rows
//   tsx bench/pdf.tsx one <n>    renders a document of n lines (14 per page)
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { invoiceDocument, type InvoiceDocumentSource } from "../server/domain/invoice-document";
import { renderPdf } from "../server/pdf/render";
import { InvoicePdf } from "../templates/invoice";

function source(lines: number): InvoiceDocumentSource {
  return {
    kind: "invoice",
    number: "INV-2026-0042",
    creditedNumber: null,
    reason: "",
    issueDate: "2026-12-01",
    dueDate: "2026-12-31",
    currency: "CNY",
    taxRateBp: 600,
    subtotalMinor: lines * 1_000_000,
    taxMinor: lines * 60_000,
    totalMinor: lines * 1_060_000,
    seller: { name: "Northwind Consulting", legalName: "Northwind Consulting GmbH", taxId: "DE 312 456 789", address: "Hafenstraße 12, Hamburg", paymentInstructions: "Bank transfer, quote the invoice number." },
    buyer: { name: "Eastbank", legalName: "东岸银行股份有限公司", taxId: "91310000MA1EASTB01", address: "上海市浦东新区世纪大道 88 号" },
    engagement: "区块链数据同步器 — 私有化部署",
    lines: Array.from({ length: lines }, (_, i) => ({
      description: `里程碑 ${i + 1} — milestone ${i + 1}`,
      shareBp: 100,
      amountMinor: 1_000_000,
      evidence: [{ kind: "lcov", verdict: "pass", sha256: "9f2c".repeat(16) }],
    })),
  };
}

async function one(lines: number) {
  const doc = invoiceDocument(source(lines), "zh-CN");
  const first = performance.now();
  await renderPdf(<InvoicePdf doc={doc} />);
  const coldMs = performance.now() - first;
  const runs = lines > 100 ? 3 : 10;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    bytes = (await renderPdf(<InvoicePdf doc={doc} />)).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ lines, pages: Math.ceil(lines / 14), coldMs, warmMedianMs: times[Math.floor(times.length / 2)], bytes, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

const [mode, count] = process.argv.slice(2);
if (mode === "one") {
  await one(Number(count));
} else {
  for (const lines of [28, 700]) {
    // React in production mode, as the server renders (development mode is ~1.5x slower)
    const run = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "one", String(lines)], { encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
    if (run.status !== 0) throw new Error(run.stderr);
    const r = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as { pages: number; coldMs: number; warmMedianMs: number; bytes: number; peakRssMb: number };
    console.log(`  ${`${r.pages}-page document`.padEnd(20)} warm ${r.warmMedianMs.toFixed(0)} ms (first ${r.coldMs.toFixed(0)} ms), ${(r.bytes / 1024).toFixed(0)} KB, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
  }
}
