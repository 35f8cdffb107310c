// Parsing throughput of large coverage reports (BENCHMARKS.md): a generated ~100 MB LCOV and
// ~100 MB Cobertura file, each parsed by the verifier and read with no parsing (the floor).
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";

const TARGET_BYTES = 100 * 1000 * 1000;
const dir = path.join(tmpdir(), "tollgate-bench");
mkdirSync(dir, { recursive: true });

async function generate(file: string, header: string, record: (i: number) => string, footer: string) {
  if (existsSync(file)) return;
  const out = createWriteStream(file);
  let written = 0;
  const write = async (text: string) => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await write(header);
  for (let i = 0; written < TARGET_BYTES; i += 1) await write(record(i));
  await write(footer);
  out.end();
  await once(out, "finish");
}

const lcovRecord = (i: number) => {
  let text = `TN:\nSF:/src/pkg${i % 97}/file${i}.c\nFN:3,fn_${i}\nFNDA:${i % 3},fn_${i}\n`;
  for (let line = 1; line <= 60; line += 1) {
    text += `DA:${line},${(line * i) % 5}\n`;
    if (line % 10 === 0) text += `BRDA:${line},0,0,${(i + line) % 4}\nBRDA:${line},0,1,-\n`;
  }
  return `${text}LF:60\nLH:48\nend_of_record\n`;
};

const coberturaRecord = (i: number) => {
  let text =
    `<class name="c${i}" filename="pkg${i % 97}/file${i}.py" ` + `line-rate="0.8" branch-rate="0.5"><methods/><lines>`;
  for (let line = 1; line <= 60; line += 1) {
    text +=
      line % 10 === 0
        ? `<line number="${line}" hits="${(line * i) % 5}" branch="true" condition-coverage="50% (1/2)"/>`
        : `<line number="${line}" hits="${(line * i) % 5}"/>`;
  }
  return `${text}</lines></class>\n`;
};

const lcov = path.join(dir, "large.info");
const cobertura = path.join(dir, "large.xml");
const coberturaBare = path.join(dir, "large-no-root-counts.xml");
await generate(lcov, "", lcovRecord, "");
const coberturaFooter = "</classes></package></packages></coverage>\n";
// as coverage.py and gcovr write it: root counts present
await generate(
  cobertura,
  '<?xml version="1.0" ?>\n<coverage version="bench" lines-valid="1" lines-covered="1" ' +
    'branches-valid="1" branches-covered="1"><packages><package name="p"><classes>\n',
  coberturaRecord,
  coberturaFooter,
);
// an older writer without root counts: totals computed from every line element
await generate(
  coberturaBare,
  '<?xml version="1.0" ?>\n<coverage version="bench"><packages><package name="p"><classes>\n',
  coberturaRecord,
  coberturaFooter,
);

for (const [mode, file] of [
  ["floor", lcov],
  ["lcov", lcov],
  ["floor", cobertura],
  ["cobertura", cobertura],
  ["cobertura", coberturaBare],
] as const) {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "parse-one.ts"), mode, file],
    { encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  const r = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as {
    mb: number;
    seconds: number;
    mbPerSecond: number;
    peakRssMb: number;
  };
  console.log(
    `  ${`${mode} ${path.basename(file)}`.padEnd(24)} ${r.mb.toFixed(0)} MB in ${r.seconds.toFixed(2)} s = ` +
      `${r.mbPerSecond.toFixed(1)} MB/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
  );
}
