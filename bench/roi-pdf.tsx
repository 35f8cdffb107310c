// ROI report PDF benchmark (BENCHMARKS.md, "## ROI", sub-section "### ROI report PDF"): the
// field guide's sample report (five pages: summary with two charts, system map, debt register,
// 36 months of cash flows, assumptions) rendered as sharing renders it, view-model and layout
// included, in English and in Chinese. Each language in its own process with React in production
// mode; warm figures are the median and p95 of 15 renders after at least 5 warm-up renders and
// 3 s of rendering (V8 optimises react-pdf's layout code only after it has run for a while).
//   tsx bench/roi-pdf.tsx             runs both languages, prints the rows, rewrites the sub-section
//   tsx bench/roi-pdf.tsx time <lang> times one language (the child process)
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Locale } from "../server/domain/locale";
import { sampleRoiReport } from "../server/domain/roi/report.fixture";
import { renderRoiReportPdf } from "../server/services/pdf/roi-report";

const WARM_UP_RENDERS = 5;
const WARM_UP_MS = 3_000;
const RUNS = 15;
const TARGET_MS = 1_000;
const HEADING = "### ROI report PDF";
const cpus = availableParallelism();

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function timed(locale: Locale) {
  const report = sampleRoiReport();
  const render = () => renderRoiReportPdf(report, locale);
  let t0 = performance.now();
  const first = await render();
  const coldMs = performance.now() - t0;
  const warmUntil = performance.now() + WARM_UP_MS;
  for (let i = 0; i < WARM_UP_RENDERS || performance.now() < warmUntil; i += 1) await render();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const cpu0 = process.cpuUsage();
    t0 = performance.now();
    await render();
    times.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const pages = (first.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
  console.log(
    JSON.stringify({
      coldMs,
      medianMs: percentile(times, 50),
      p95Ms: percentile(times, 95),
      cpuMedianMs: percentile(cpu, 50),
      bytes: first.length,
      pages,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

function child(locale: Locale): Record<string, number> {
  const run = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "time", locale], {
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as Record<string, number>;
}

/** Where the heading line at `from` ends its section: the next heading of `levels` (e.g. "#{2,3}"), or the end. */
function sectionEnd(text: string, from: number, levels: string): number {
  const next = text.slice(from + 1).search(new RegExp(`\\n${levels} `));
  return next < 0 ? text.length : from + 1 + next;
}

/** Replaces this bench's sub-section of "## ROI", or adds it at the section's end (and the section if missing). */
function writeBenchmarks(block: string) {
  const file = path.join(import.meta.dirname, "..", "BENCHMARKS.md");
  const text = readFileSync(file, "utf8");
  const own = text.indexOf(`\n${HEADING}`);
  const section = text.search(/\n## ROI\b/);
  let [before, after] = [text.trimEnd(), ""];
  if (own >= 0) {
    const end = sectionEnd(text, own, "#{2,3}");
    [before, after] = [text.slice(0, own).trimEnd(), text.slice(end)];
  } else if (section >= 0) {
    const end = sectionEnd(text, section, "##");
    [before, after] = [text.slice(0, end).trimEnd(), text.slice(end)];
  } else {
    before = `${before}\n\n## ROI — \`npm run bench:roi\``;
  }
  writeFileSync(file, `${before}\n\n${block.trimEnd()}\n${after}`);
}

const [mode, locale] = process.argv.slice(2);
if (mode === "time") {
  await timed(locale as Locale);
} else {
  const rows: string[] = [];
  for (const lang of ["en", "zh-CN"] as const) {
    const r = child(lang);
    const met = r.medianMs! <= TARGET_MS ? "met" : "NOT met";
    console.log(
      `ROI report PDF (${lang}, ${r.pages} pages): warm median ${r.medianMs!.toFixed(0)} ms, ` +
        `p95 ${r.p95Ms!.toFixed(0)} ms over ${RUNS} renders (CPU median ${r.cpuMedianMs!.toFixed(0)} ms, ` +
        `first ${r.coldMs!.toFixed(0)} ms), ` +
        `${(r.bytes! / 1024).toFixed(0)} KB, peak RSS ${r.peakRssMb!.toFixed(0)} MB; target <= ${TARGET_MS} ms warm: ${met}`,
    );
    rows.push(
      `| ${lang}, ${r.pages} pages | ${r.medianMs!.toFixed(0)} ms | ${r.p95Ms!.toFixed(0)} ms | ` +
        `${r.cpuMedianMs!.toFixed(0)} ms | ` +
        `${r.coldMs!.toFixed(0)} ms | ${(r.bytes! / 1024).toFixed(0)} KB | ${r.peakRssMb!.toFixed(0)} MB | ` +
        `<= ${TARGET_MS.toLocaleString("en")} ms — ${met} |`,
    );
  }
  writeBenchmarks(
    [
      `${HEADING} — \`tsx bench/roi-pdf.tsx\``,
      "",
      "The sample report (`sampleRoiReport()`: summary with the cash-flow chart and the NPV histogram, the",
      "system map laid out by dagre, the ranked debt register, 36 months of cash flows, the assumptions)",
      "rendered as sharing renders it (`renderRoiReportPdf`: view-model, map layout and PDF), each",
      "language in its own process, React in production mode. Warm: median and p95 of 15 renders after",
      "at least 5 warm-up renders and 3 s of rendering; CPU: the process's user + system time per",
      "render (median), which other work on the machine inflates less than the wall clock; peak RSS of",
      "that process.",
      `Last run ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus} CPUs at its end.`,
      "",
      "| document | warm median | warm p95 | CPU per render | first render | size | peak RSS | target |",
      "|---|---|---|---|---|---|---|---|",
      ...rows,
      "",
    ].join("\n"),
  );
}
