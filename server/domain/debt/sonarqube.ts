import type { DebtImpact } from "./item";
import { isRecord, SonarImportError, unprocessable } from "./sonar-error";
import { readSonarIssues } from "./sonar-issues";
import { sonarDays } from "./sonar-duration";

// Reads a SonarQube export: the JSON of `api/issues/search` (issues grouped by rule into debt
// items, effort summed) or of `api/measures/component` with `sqale_index` (one item for the
// component). The body is counted as it streams and refused past the limit before anything is
// parsed; everything else wrong is a SonarImportError naming what and where.

export { SONAR_IMPACT_MAPPING } from "./sonar-mapping";
export { SonarImportError, type SonarImportErrorCode } from "./sonar-error";
export { formatSonarDuration, parseSonarDuration, SONAR_MINUTES_PER_DAY } from "./sonar-duration";

export const SONAR_LIMITS = { maxBytes: 10 * 1024 * 1024, maxIssues: 50_000 } as const;

export { SONAR_GROUP_COMPONENTS } from "./sonar-issues";

export interface SonarDebtGroup {
  rule: string;
  /** the rule key, and its name when the export's `rules` names it */
  title: string;
  impact: DebtImpact;
  effortMinutes: number;
  days: number;
  issueCount: number;
  /** the first few components (file paths where the export gives them) */
  components: string[];
  /** how many distinct components the group's issues are in */
  componentCount: number;
}

export type SonarImport =
  | { kind: "issues"; groups: SonarDebtGroup[]; issueCount: number; skipped: number }
  | { kind: "measures"; component: string; sqaleIndexMinutes: number; days: number };

/** The body's bytes, refused the moment they pass `maxBytes` (the rest is never read). */
async function readLimited(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new SonarImportError("PAYLOAD_TOO_LARGE", [`the export exceeds ${maxBytes} bytes`]);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function parseJson(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw unprocessable(["the export is not UTF-8 text"]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw unprocessable([`the export is not JSON (${error instanceof Error ? error.message : "unreadable"})`]);
  }
}

function readMeasures(component: Record<string, unknown>): SonarImport {
  const key = component.key;
  if (typeof key !== "string" || !key.trim()) throw unprocessable(['component.key: the component has no "key"']);
  const measures = component.measures as unknown[];
  const index = measures.findIndex((measure) => isRecord(measure) && measure.metric === "sqale_index");
  if (index < 0) throw unprocessable(['component.measures: no "sqale_index" measure (ask for metricKeys=sqale_index)']);
  const value = (measures[index] as Record<string, unknown>).value;
  const minutes = typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : null;
  if (minutes === null)
    throw unprocessable([`component.measures[${index}].value: ${JSON.stringify(value)} is not a number of minutes`]);
  return { kind: "measures", component: key.trim(), sqaleIndexMinutes: minutes, days: sonarDays(minutes) };
}

/** Reads either export shape (told apart by an `issues` array or a `component.measures` array). */
export function readSonarQube(json: unknown, maxIssues: number = SONAR_LIMITS.maxIssues): SonarImport {
  if (isRecord(json) && Array.isArray(json.issues)) return readSonarIssues(json, maxIssues);
  if (isRecord(json) && isRecord(json.component) && Array.isArray(json.component.measures))
    return readMeasures(json.component);
  throw unprocessable([
    'neither an api/issues/search answer (an "issues" array) nor an api/measures/component answer ("component.measures")',
  ]);
}

export async function parseSonarQube(
  body: AsyncIterable<Uint8Array>,
  limits: { maxBytes: number; maxIssues?: number } = SONAR_LIMITS,
): Promise<SonarImport> {
  const bytes = await readLimited(body, limits.maxBytes);
  return readSonarQube(parseJson(bytes), limits.maxIssues ?? SONAR_LIMITS.maxIssues);
}
