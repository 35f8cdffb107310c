import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { Float64Column } from "./growable";
import type { LoadFigures } from "./load-test";
import { forEachLine, type ByteSource } from "./stream";

// JMeter results (JTL) saved as CSV with the header line JMeter writes by default
// (timeStamp,elapsed,label,responseCode,...,success,...). Percentiles are computed as JMeter's
// Aggregate Report computes them (StatCalculator.getPercentPoint): the smallest elapsed time whose
// cumulative count reaches round(count * p). The error rate is the share of samples with
// success=false. Quoted fields (labels and messages with commas or quotes) are understood.

export async function parseJmeter(
  source: ByteSource,
  limits: EvidenceLimits,
): Promise<LoadFigures & { labels: number }> {
  let elapsedColumn = -1;
  let successColumn = -1;
  let labelColumn = -1;
  let width = 0;
  let header = false;
  let failures = 0;
  const elapsed = new Float64Column();
  const labels = new Set<string>();
  let partial: string | null = null;
  let partialLine = 0;

  await forEachLine(source, limits, (text, number) => {
    // a quoted field may hold a line break: such a record continues on the next line
    const record: string = partial === null ? text : `${partial}\n${text}`;
    const recordLine = partial === null ? number : partialLine;
    const fields = splitCsv(record);
    if (fields === null) {
      partial = record;
      partialLine = recordLine;
      if (record.length > limits.maxLineLength)
        throw new EvidenceInputError("LINE_TOO_LONG", "a quoted field never ends", recordLine);
      return;
    }
    partial = null;
    if (fields === "stray") throw new EvidenceInputError("MALFORMED", "text after a closing quote", recordLine);
    if (!header) {
      if (record.trim() === "") return;
      elapsedColumn = fields.indexOf("elapsed");
      successColumn = fields.indexOf("success");
      labelColumn = fields.indexOf("label");
      if (elapsedColumn === -1 || successColumn === -1) {
        throw new EvidenceInputError(
          "MALFORMED",
          "the first line is not a JTL header with elapsed and success columns (save the results as CSV with " +
            "field names)",
          recordLine,
        );
      }
      width = fields.length;
      header = true;
      return;
    }
    if (record === "") return;
    if (fields.length !== width)
      throw new EvidenceInputError("MALFORMED", `${fields.length} fields where the header has ${width}`, recordLine);
    if (elapsed.length >= limits.maxEntries)
      throw new EvidenceInputError("TOO_MANY_ENTRIES", `more than ${limits.maxEntries} samples`, recordLine);
    const ms = fields[elapsedColumn]!;
    if (!/^\d+$/.test(ms))
      throw new EvidenceInputError("MALFORMED", `elapsed "${ms}" is not a whole number of milliseconds`, recordLine);
    const success = fields[successColumn]!;
    if (success !== "true" && success !== "false")
      throw new EvidenceInputError("MALFORMED", `success "${success}" is not true or false`, recordLine);
    elapsed.push(Number(ms));
    if (success === "false") failures += 1;
    if (labelColumn !== -1 && labels.size < 10_000) labels.add(fields[labelColumn]!);
  });
  if (partial !== null) throw new EvidenceInputError("TRUNCATED", "the file ends inside a quoted field", partialLine);
  if (!header) throw new EvidenceInputError("MALFORMED", "no JTL header line");
  const count = elapsed.length;
  if (count === 0) throw new EvidenceInputError("MALFORMED", "the results contain no samples");

  const sorted = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i += 1) {
    sorted[i] = elapsed.at(i);
    sum += sorted[i]!;
  }
  sorted.sort();
  const percentPoint = (p: number) => sorted[Math.min(count, Math.max(1, Math.round(count * p))) - 1]!;
  return {
    requests: count,
    latencyMs: {
      avg: sum / count,
      min: sorted[0]!,
      p50: percentPoint(0.5),
      p90: percentPoint(0.9),
      p95: percentPoint(0.95),
      p99: percentPoint(0.99),
      max: sorted[count - 1]!,
    },
    errorRatePct: (100 * failures) / count,
    labels: labels.size,
  };
}

/**
 * Splits one CSV record; null when a quoted field is still open at the end of the text, "stray"
 * when a closing quote is followed by something other than a comma.
 */
export function splitCsv(text: string): string[] | null | "stray" {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = "";
      let j = i + 1;
      for (;;) {
        const quote = text.indexOf('"', j);
        if (quote === -1) return null;
        value += text.slice(j, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"';
          j = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
    } else {
      const comma = text.indexOf(",", i);
      fields.push(comma === -1 ? text.slice(i) : text.slice(i, comma));
      if (comma === -1) return fields;
      i = comma + 1;
      continue;
    }
    if (i >= text.length) return fields;
    if (text.charCodeAt(i) !== 44) return "stray";
    i += 1;
  }
}
