import { EvidenceInputError } from "../evidence/errors";
import { parseK6 } from "../evidence/k6";
import { bytesOf } from "../evidence/stream";
import {
  checkMeasurementItems,
  MEASUREMENT_LIMITS,
  MEASUREMENT_SHAPES,
  ZDowntime,
  ZErrorRateSample,
  ZIntegrityCheck,
  ZValueSample,
  type CheckedMeasurements,
} from "./measurements";
import type { SlaMetric } from "./terms";

// Measurements uploaded as files: a CSV whose header names the same columns as the JSON body, and
// a k6 end-of-test summary whose p(99) request duration becomes one latency sample. Both are
// bounded like the JSON body (5 MB, 100,000 rows) and refuse with the line or field at fault.

const refuse = (reason: string): CheckedMeasurements => ({ ok: false, reasons: [reason] });

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks), each with the line it starts on. */
function csvRecords(text: string): { line: number; cells: string[] }[] | string {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0]!.trim() !== "") records.push({ line: recordLine, cells });
    cells = [];
    recordLine = line;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line += 1;
        cell += char;
      }
    } else if (char === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (char === ",") endCell();
    else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      line += 1;
      endRecord();
      if (records.length > MEASUREMENT_LIMITS.maxItems + 1)
        return `more than ${MEASUREMENT_LIMITS.maxItems} rows (send them in several files)`;
    } else cell += char;
  }
  if (quoted) return `line ${recordLine}: a quoted field is not closed`;
  endRecord();
  return records;
}

const NUMERIC_COLUMNS = new Set(["value", "errors", "requests"]);
const SCHEMAS = {
  values: ZValueSample,
  error_rate: ZErrorRateSample,
  downtime: ZDowntime,
  checks: ZIntegrityCheck,
} as const;

/** A CSV of one clause's measurements: a header row naming the metric's columns (in any order), then one row each. */
export function parseMeasurementCsv(metric: SlaMetric, text: string): CheckedMeasurements {
  if (new TextEncoder().encode(text).byteLength > MEASUREMENT_LIMITS.maxBytes)
    return refuse(`the file exceeds ${MEASUREMENT_LIMITS.maxBytes} bytes (send it in several files)`);
  const records = csvRecords(text.replace(/^\uFEFF/, ""));
  if (typeof records === "string") return refuse(records);
  const [header, ...rows] = records;
  const shape = MEASUREMENT_SHAPES[metric];
  if (!header) return refuse(`the file is empty: expected a header row ${shape.columns.join(",")}`);
  const names = header.cells.map((name) => name.trim().toLowerCase());
  const positions = shape.columns.map((column) => names.indexOf(column));
  const missing = shape.columns.filter((_, i) => positions[i] === -1);
  if (missing.length > 0)
    return refuse(
      `line ${header.line}: the header names no ${missing.join(", ")} column (a ${metric} file has ${shape.columns.join(",")})`,
    );
  if (rows.length > MEASUREMENT_LIMITS.maxItems)
    return refuse(`more than ${MEASUREMENT_LIMITS.maxItems} rows (send them in several files)`);
  const schema = SCHEMAS[shape.kind];
  const items: unknown[] = [];
  for (const { line, cells } of rows) {
    const item: Record<string, unknown> = {};
    shape.columns.forEach((column, i) => {
      const cell = (cells[positions[i]!] ?? "").trim();
      item[column] = NUMERIC_COLUMNS.has(column) && cell !== "" ? Number(cell) : cell === "" ? undefined : cell;
    });
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse(`line ${line}: ${issue?.path.map(String).join(".") || "row"}: ${issue?.message ?? "invalid"}`);
    }
    items.push(item);
  }
  // every row is valid by now: the same conversion as the JSON body
  return checkMeasurementItems(metric, shape.field, items);
}

const K6_LIMITS = {
  maxBytes: MEASUREMENT_LIMITS.maxBytes,
  maxUncompressedBytes: MEASUREMENT_LIMITS.maxBytes,
  maxLineLength: MEASUREMENT_LIMITS.maxBytes,
  maxEntries: 1_000_000,
  maxXmlDepth: 64,
};

/**
 * A k6 summary (`k6 run --summary-export`, or the JSON handleSummary receives): its http_req_duration p(99), in ms,
 * as one latency sample at `at` (epoch ms; the end of the test run).
 */
export async function parseK6Summary(text: string, at: number): Promise<CheckedMeasurements> {
  if (!Number.isFinite(at)) return refuse("the time of the test run is not a valid instant");
  try {
    const summary = await parseK6(bytesOf(text), K6_LIMITS);
    const p99 = summary.latencyMs.p99;
    if (p99 === undefined)
      return refuse(
        'the summary has no http_req_duration p(99): run k6 with --summary-trend-stats "avg,min,med,max,p(95),p(99)" ' +
          "(or summaryTrendStats in the script's options) so it reports p(99)",
      );
    return { ok: true, measurements: { kind: "values", samples: [{ at, value: p99 }] } };
  } catch (error) {
    if (error instanceof EvidenceInputError) return refuse(`not a k6 summary: ${error.message}`);
    throw error;
  }
}
