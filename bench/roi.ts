// ROI Monte Carlo benchmark (BENCHMARKS.md, "## ROI", sub-section "### Monte Carlo"): 10,000 draws over a
// 36-month horizon with 50 scheduled debt items, each with a cost and an effort range. Warm
// figures are the median and p95 of 30 runs after 5 warm-up runs; the first (cold) run is printed
// too. The cost per unit (draw x (items + 1)) is what calibrates SIMULATION_JOB_UNITS in
// server/domain/roi/monte-carlo.ts. Run with `npm run bench:roi` (or `npx tsx bench/roi.ts`); it
// prints one line and writes its sub-section of BENCHMARKS.md.
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { RoiDebtInput, RoiInputs } from "../server/domain/roi/inputs";
import { SIMULATION_JOB_UNITS, simulateRoi, simulationRunsAsJob } from "../server/domain/roi/monte-carlo";
import { computeRoi } from "../server/domain/roi/compute";
import { sampleRoiInputs, sampleSystemMap } from "../server/domain/roi/report.fixture";

const DRAWS = 10_000;
const ITEMS = 50;
const WARM_UP = 5;
const RUNS = 30;
const TARGET_MS = 150;
const HEADING = "### Monte Carlo";

/** 50 items like the field guide's, each scheduled in one of the first 18 months, all ranged. */
const debt: RoiDebtInput[] = Array.from({ length: ITEMS }, (_, index) => {
  const perQuarter = 5_000_000 + ((index * 7_919_111) % 400_000_000);
  const days = 1 + ((index * 37) % 40) / 2;
  return {
    id: `debt-${index}`,
    title: `Debt item ${index + 1}`,
    impact: (["critical", "high", "medium", "low"] as const)[index % 4]!,
    plAccount: "operations",
    costPerQuarterMinor: { low: Math.round(perQuarter * 0.8), likely: perQuarter, high: Math.round(perQuarter * 1.3) },
    fixDays: { low: days * 0.75, likely: days, high: days * 1.6 },
    fixMonth: index % 18,
    componentId: null,
  };
});
const inputs: RoiInputs = { ...sampleRoiInputs, horizonMonths: 36, draws: DRAWS, debt };

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;

let t0 = performance.now();
let summary = simulateRoi(inputs);
const coldMs = performance.now() - t0;
for (let run = 0; run < WARM_UP; run += 1) summary = simulateRoi(inputs);
// wall time is what a request waits; CPU time (user + system) is what the run costs when other
// processes share the cores, so a busy machine still gives a figure comparable to an idle one
const times: number[] = [];
const cpuTimes: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  summary = simulateRoi(inputs);
  const cpu = process.cpuUsage(cpu0);
  times.push(performance.now() - t0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);

t0 = performance.now();
const report = computeRoi(inputs, sampleSystemMap, summary);
const computeMs = performance.now() - t0;

const units = DRAWS * (ITEMS + 1);
const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
const [cpuP50, cpuP95] = [percentile(cpuTimes, 50), percentile(cpuTimes, 95)];
const cpuNsPerUnit = (cpuP95 * 1e6) / units;
const load = loadavg()[0]!;
const met = p50 <= TARGET_MS ? "met" : "NOT met";
const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(
  `ROI Monte Carlo, ${DRAWS.toLocaleString("en")} draws x ${inputs.horizonMonths} months x ${ITEMS} debt items: ` +
    `p50 ${ms(p50)}, p95 ${ms(p95)} over ${RUNS} warm runs (first ${ms(coldMs)}, min ${ms(times[0]!)}, ` +
    `max ${ms(times.at(-1)!)}); CPU p50 ${ms(cpuP50)}, p95 ${ms(cpuP95)} = ${cpuNsPerUnit.toFixed(0)} ns per unit, ` +
    `200 ms ~ ${(200e6 / cpuNsPerUnit / 1e6).toFixed(1)}M units (job bound ${SIMULATION_JOB_UNITS.toLocaleString("en")}; ` +
    `this model ${units.toLocaleString("en")}: ${simulationRunsAsJob(inputs) ? "job" : "request path"}); ` +
    `computeRoi without the simulation ${ms(computeMs)}; P10/P50/P90 ${summary.npvP10Minor}/${summary.npvP50Minor}/` +
    `${summary.npvP90Minor} (NPV ${report.npvMinor}); load average ${load.toFixed(1)}; target <= ${TARGET_MS} ms: ${met}`,
);

const block = `${HEADING} — \`tsx bench/roi.ts\`

\`simulateRoi\` over ${DRAWS.toLocaleString("en")} draws, a ${inputs.horizonMonths}-month horizon and ${ITEMS} scheduled debt items, each
with a cost-per-quarter and a fix-days range (${ITEMS * 2} triangular draws per draw), in one process: the first
run, then the median and p95 of ${RUNS} runs after ${WARM_UP} warm-up runs. CPU time (user + system) is given beside
wall time because the machine may be shared; \`SIMULATION_JOB_UNITS\` (server/domain/roi/monte-carlo.ts)
is calibrated on the CPU p95 per unit (draw x (items + 1)).
Last run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, load average ${load.toFixed(1)} on 2 cores.

| measurement | figure |
|---|---|
| ${DRAWS.toLocaleString("en")} draws x ${inputs.horizonMonths} months x ${ITEMS} items, warm p50 / p95 (wall) | **${ms(p50)}** / ${ms(p95)} |
| the same, CPU time p50 / p95 | ${ms(cpuP50)} / ${ms(cpuP95)} (${cpuNsPerUnit.toFixed(0)} ns per unit) |
| first run (cold JIT) | ${ms(coldMs)} |
| \`computeRoi\` without the simulation (cash flows, NPV, IRR scan, ranking), one run | ${ms(computeMs)} |
| job bound: 200 ms at the CPU p95 per unit / bound in the code | ${(200e6 / cpuNsPerUnit / 1e6).toFixed(1)}M units / ${SIMULATION_JOB_UNITS.toLocaleString("en")} units |

Target <= ${TARGET_MS} ms warm (p50): ${met}.
`;

/** Where the heading at \`from\` ends its section: the next heading of \`levels\` (e.g. "#{2,3}"), or the end. */
function sectionEnd(text: string, from: number, levels: string): number {
  const next = text.slice(from + 1).search(new RegExp(`\\n${levels} `));
  return next < 0 ? text.length : from + 1 + next;
}

/** Replaces this bench's sub-section of "## ROI", or adds it first in the section (and the section if missing). */
function writeBenchmarks(text: string): string {
  const own = text.indexOf(`\n${HEADING}`);
  if (own >= 0) {
    const end = sectionEnd(text, own, "#{2,3}");
    return `${text.slice(0, own).trimEnd()}\n\n${block.trimEnd()}\n${text.slice(end)}`;
  }
  const section = text.search(/\n## ROI\b/);
  if (section < 0) return `${text.trimEnd()}\n\n## ROI — \`npm run bench:roi\`\n\n${block}`;
  const headingEnd = text.indexOf("\n", section + 1);
  const rest = headingEnd < 0 ? "" : text.slice(headingEnd).replace(/^\n+/, "");
  const heading = headingEnd < 0 ? text.slice(section) : text.slice(section, headingEnd);
  return `${text.slice(0, section)}${heading}\n\n${block}${rest ? `\n${rest}` : ""}`;
}

const file = path.join(import.meta.dirname, "..", "BENCHMARKS.md");
writeFileSync(file, writeBenchmarks(readFileSync(file, "utf8")));
