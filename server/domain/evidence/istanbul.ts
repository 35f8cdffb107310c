import { z } from "zod";
import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { forEachJsonEntry } from "./json-entries";
import type { ByteSource } from "./stream";
import { figure, type CoverageFigure } from "./verdict";

// istanbul's JSON reports (nyc, c8, jest, vitest): coverage-summary.json (json-summary reporter),
// whose "total" entry holds the figures, or coverage-final.json (json reporter), one entry per
// file, from which the figures are computed as istanbul-lib-coverage computes them: a statement,
// function or branch path counts as covered when its count is above zero or it is marked skipped;
// a line's count is the highest count of the statements that start on it.

export interface IstanbulTotals {
  lines?: CoverageFigure;
  statements?: CoverageFigure;
  functions?: CoverageFigure;
  branches?: CoverageFigure;
  files: number;
  format: "summary" | "final";
}

const ZSummaryFigure = z.object({ total: z.number().int().min(0), covered: z.number().int().min(0) });
const ZSummaryEntry = z.object({
  lines: ZSummaryFigure,
  statements: ZSummaryFigure,
  functions: ZSummaryFigure,
  branches: ZSummaryFigure,
});

const ZCount = z.number().int().min(0);
const ZLocation = z.object({ start: z.object({ line: z.number().int().min(0) }), skip: z.boolean().optional() });
const ZFileCoverage = z.object({
  statementMap: z.record(z.string(), ZLocation),
  fnMap: z.record(z.string(), z.object({ skip: z.boolean().optional() }).loose()),
  branchMap: z.record(
    z.string(),
    z.object({ locations: z.array(z.object({ skip: z.boolean().optional() }).loose().nullable()).optional() }).loose(),
  ),
  s: z.record(z.string(), ZCount),
  f: z.record(z.string(), ZCount),
  b: z.record(z.string(), z.array(ZCount)),
});
type FileCoverage = z.infer<typeof ZFileCoverage>;

type Counts = [covered: number, total: number];

export async function parseIstanbul(source: ByteSource, limits: EvidenceLimits): Promise<IstanbulTotals> {
  let format: IstanbulTotals["format"] | null = null;
  let summaryTotal: z.infer<typeof ZSummaryEntry> | null = null;
  const totals = {
    lines: [0, 0] as Counts,
    statements: [0, 0] as Counts,
    functions: [0, 0] as Counts,
    branches: [0, 0] as Counts,
  };
  const seen = new Set<string>();

  await forEachJsonEntry(source, limits, (key, value) => {
    const isSummary = typeof value === "object" && value !== null && "lines" in value && !("statementMap" in value);
    const entryFormat = isSummary ? "summary" : "final";
    if (format && format !== entryFormat)
      throw new EvidenceInputError("MALFORMED", `entry "${key}" mixes coverage-summary and coverage-final formats`);
    format = entryFormat;
    if (seen.has(key)) throw new EvidenceInputError("MALFORMED", `"${key}" appears twice`);
    seen.add(key);
    if (isSummary) {
      const parsed = ZSummaryEntry.safeParse(value);
      if (!parsed.success)
        throw new EvidenceInputError(
          "MALFORMED",
          `summary entry "${key}" lacks lines/statements/functions/branches {total, covered}`,
        );
      for (const figureOf of Object.values(parsed.data)) {
        if (figureOf.covered > figureOf.total)
          throw new EvidenceInputError("MALFORMED", `summary entry "${key}" covers more than its total`);
      }
      if (key === "total") summaryTotal = parsed.data;
      return;
    }
    const parsed = ZFileCoverage.safeParse(value);
    if (!parsed.success)
      throw new EvidenceInputError(
        "MALFORMED",
        `"${key}" is not istanbul file coverage (statementMap, fnMap, branchMap, s, f, b)`,
      );
    addFile(totals, parsed.data, key);
  });

  if (format === null)
    throw new EvidenceInputError("MALFORMED", "the report has no files: this is not istanbul coverage");
  if (format === "summary") {
    const total = summaryTotal as z.infer<typeof ZSummaryEntry> | null;
    if (!total) throw new EvidenceInputError("MALFORMED", 'coverage-summary.json without its "total" entry');
    return {
      lines: figure(total.lines.covered, total.lines.total),
      statements: figure(total.statements.covered, total.statements.total),
      functions: figure(total.functions.covered, total.functions.total),
      branches: figure(total.branches.covered, total.branches.total),
      files: seen.size - 1,
      format,
    };
  }
  return {
    lines: figure(...totals.lines),
    statements: figure(...totals.statements),
    functions: figure(...totals.functions),
    branches: figure(...totals.branches),
    files: seen.size,
    format,
  };
}

function addFile(
  totals: Record<"lines" | "statements" | "functions" | "branches", Counts>,
  file: FileCoverage,
  path: string,
): void {
  const lineHits = new Map<number, number>();
  for (const [id, count] of Object.entries(file.s)) {
    const location = file.statementMap[id];
    if (!location)
      throw new EvidenceInputError("MALFORMED", `statement ${id} of "${path}" has a count but no location`);
    add(totals.statements, count > 0 || location.skip === true);
    const line = location.start.line;
    lineHits.set(line, Math.max(lineHits.get(line) ?? 0, count));
  }
  for (const hits of lineHits.values()) add(totals.lines, hits > 0);
  for (const [id, count] of Object.entries(file.f)) add(totals.functions, count > 0 || file.fnMap[id]?.skip === true);
  for (const [id, paths] of Object.entries(file.b)) {
    const locations = file.branchMap[id]?.locations ?? [];
    paths.forEach((count, i) => add(totals.branches, count > 0 || locations[i]?.skip === true));
  }
}

function add(counts: Counts, covered: boolean): void {
  if (covered) counts[0] += 1;
  counts[1] += 1;
}
