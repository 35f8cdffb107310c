// The Tollgate CLI for pipelines and people.
//   tollgate verify --kind <kind> --file <path> [--threshold metric=value ...] [--baseline <path>] [--json]
//   tollgate submit --url <base url> --milestone <id> --kind <kind> --file <path> [--token <t>] [--json]
//     (the token defaults to $TOLLGATE_TOKEN)
// Exit codes: 0 pass, 1 fail, 2 bad input (verdict "error", reasons say why).
import { createReadStream, openAsBlob } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { EvidenceInputError } from "../server/domain/evidence/errors";
import { FILE_VERIFIER_KINDS } from "../server/domain/evidence/kinds";
import { verifyFile } from "../server/domain/evidence/verify";
import { parseThreshold, type Threshold } from "../server/domain/evidence/verdict";

const SUBMIT_USAGE =
  "usage: tollgate submit --url <base url> --milestone <id> --kind <kind> --file <path> [--token <token>] [--json]";
const USAGE =
  `usage: tollgate verify --kind <${FILE_VERIFIER_KINDS.join("|")}> --file <path> ` +
  `[--threshold metric=value ...] [--baseline <path>] [--expect <sha256>] [--json]`;

interface Outcome {
  kind: string;
  verdict: "pass" | "fail" | "error";
  metrics: Record<string, unknown>;
  reasons: string[];
}

function print(outcome: Outcome, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
    return;
  }
  process.stdout.write(`${outcome.kind}: ${outcome.verdict.toUpperCase()}\n`);
  for (const [name, value] of Object.entries(outcome.metrics)) {
    if (value && typeof value === "object" && "pct" in value) {
      const f = value as { covered: number; total: number; pct: number };
      process.stdout.write(`  ${name.padEnd(12)} ${f.pct.toFixed(2)}% (${f.covered} of ${f.total})\n`);
    }
  }
  for (const reason of outcome.reasons) process.stdout.write(`  - ${reason}\n`);
}

async function verify(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        kind: { type: "string" },
        file: { type: "string" },
        threshold: { type: "string", multiple: true },
        baseline: { type: "string" },
        expect: { type: "string" },
        json: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    print(
      { kind: "unknown", verdict: "error", metrics: {}, reasons: [(error as Error).message, USAGE] },
      argv.includes("--json"),
    );
    return 2;
  }
  const kind = values.kind ?? "unknown";
  const fail = (reasons: string[]) => {
    print({ kind, verdict: "error", metrics: {}, reasons }, values.json ?? false);
    return 2;
  };
  if (!values.kind || !values.file) return fail([USAGE]);
  const thresholds: Threshold[] = [];
  for (const text of values.threshold ?? []) {
    const threshold = parseThreshold(text);
    if (!threshold) return fail([`threshold "${text}" is not metric=value`]);
    thresholds.push(threshold);
  }
  try {
    const result = await verifyFile({
      kind: values.kind,
      file: createReadStream(values.file, { highWaterMark: 1024 * 1024 }),
      baseline: values.baseline ? createReadStream(values.baseline, { highWaterMark: 1024 * 1024 }) : undefined,
      expectedSha256: values.expect,
      thresholds,
    });
    print(result, values.json ?? false);
    return result.verdict === "pass" ? 0 : 1;
  } catch (error) {
    if (error instanceof EvidenceInputError) return fail([error.message]);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES")
      return fail([`cannot read ${(error as NodeJS.ErrnoException).path}: ${code}`]);
    throw error;
  }
}

/** Posts a file to the CI evidence API; exit 0 when every verification passed, 1 when one failed. */
async function submit(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: "string" },
        milestone: { type: "string" },
        kind: { type: "string" },
        file: { type: "string" },
        token: { type: "string" },
        json: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${SUBMIT_USAGE}\n`);
    return 2;
  }
  const token = values.token ?? process.env.TOLLGATE_TOKEN;
  if (!values.url || !values.milestone || !values.kind || !values.file || !token) {
    process.stderr.write(`${SUBMIT_USAGE}\n(the token comes from --token or TOLLGATE_TOKEN)\n`);
    return 2;
  }
  const form = new FormData();
  form.set("milestoneId", values.milestone);
  form.set("kind", values.kind);
  try {
    form.set("file", await openAsBlob(values.file), path.basename(values.file));
  } catch (error) {
    process.stderr.write(`cannot read ${values.file}: ${(error as NodeJS.ErrnoException).code ?? error}\n`);
    return 2;
  }
  const response = await fetch(new URL("/api/v1/evidence", values.url), {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  }).catch((error: Error) => error);
  if (response instanceof Error) {
    process.stderr.write(`cannot reach ${values.url}: ${response.message}\n`);
    return 2;
  }
  const body = (await response.json().catch(() => ({}))) as {
    verifications?: { verdict: string; reasons: string[] }[];
    error?: string;
    reasons?: string[];
  };
  if (values.json) process.stdout.write(`${JSON.stringify({ status: response.status, ...body })}\n`);
  if (response.status !== 201) {
    if (!values.json)
      process.stderr.write(`HTTP ${response.status} ${body.error ?? ""}: ${(body.reasons ?? []).join("; ")}\n`);
    return 2;
  }
  const verdicts = body.verifications ?? [];
  if (!values.json) {
    for (const v of verdicts)
      process.stdout.write(`${v.verdict.toUpperCase()}${v.reasons.length ? `: ${v.reasons.join("; ")}` : ""}\n`);
  }
  return verdicts.every((v) => v.verdict === "pass") ? 0 : 1;
}

const [command, ...rest] = process.argv.slice(2);
if (command === "verify") process.exitCode = await verify(rest);
else if (command === "submit") process.exitCode = await submit(rest);
else {
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}
