// One measurement in its own process, so peak RSS is this work's alone:
//   tsx bench/parse-one.ts <lcov|cobertura|floor> <file>
import { createReadStream, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { verifyFile } from "../server/domain/evidence/verify";

const [mode, file] = process.argv.slice(2);
if (!mode || !file) throw new Error("usage: parse-one <lcov|cobertura|floor> <file>");
const bytes = statSync(file).size;
const t0 = performance.now();
let detail: string;
if (mode === "floor") {
  // the floor: read and find every line end, no parsing
  let lines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines += 1;
  }
  detail = `${lines} lines`;
} else {
  const result = await verifyFile({ kind: mode, file: createReadStream(file, { highWaterMark: 1024 * 1024 }) });
  detail = JSON.stringify(result.metrics.lines);
}
const seconds = (performance.now() - t0) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({ mode, mb: bytes / 1e6, seconds, mbPerSecond: bytes / 1e6 / seconds, peakRssMb: peakMb, detail }),
);
