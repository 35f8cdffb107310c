import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { readLines, type ByteSource } from "./stream";
import { figure, type CoverageFigure } from "./verdict";

// LCOV tracefiles (geninfo, c8, istanbul's lcov reporter). Totals are computed the way
// `lcov --summary` computes them: records of the same source file are merged first (line and
// branch counts summed, a function hit if any record hit it), then every line, function and
// branch counts once; a branch taken "-" was never evaluated and counts as not taken.

interface FileRecord {
  lines: Map<number, number>;
  functions: Map<string, number>;
  branches: Map<string, number>;
}

export interface LcovTotals {
  lines?: CoverageFigure;
  functions?: CoverageFigure;
  branches?: CoverageFigure;
  files: number;
}

const INT = /^\d+$/;

function count(text: string, line: number, what: string): number {
  if (!INT.test(text)) throw new EvidenceInputError("MALFORMED", `${what} "${text}" is not a whole number`, line);
  return Number(text);
}

export async function parseLcov(source: ByteSource, limits: EvidenceLimits): Promise<LcovTotals> {
  const files = new Map<string, FileRecord>();
  let current: FileRecord | null = null;
  let entries = 0;
  let sawRecord = false;

  for await (const { text, number } of readLines(source, limits)) {
    const line = text.trim();
    if (line === "") continue;
    if (line === "end_of_record") {
      if (!current) throw new EvidenceInputError("MALFORMED", "end_of_record without SF", number);
      current = null;
      continue;
    }
    const colon = line.indexOf(":");
    const tag = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1);
    if (tag === "TN" || tag === "VER") continue;
    if (tag === "SF") {
      if (current) throw new EvidenceInputError("MALFORMED", "SF before the previous record's end_of_record", number);
      if (value === "") throw new EvidenceInputError("MALFORMED", "SF without a file name", number);
      current = files.get(value) ?? { lines: new Map(), functions: new Map(), branches: new Map() };
      files.set(value, current);
      sawRecord = true;
      continue;
    }
    if (!current) throw new EvidenceInputError("MALFORMED", `${tag} outside a file record (missing SF)`, number);
    if (++entries > limits.maxEntries) throw new EvidenceInputError("TOO_MANY_ENTRIES", `more than ${limits.maxEntries} records`, number);
    const parts = value.split(",");
    switch (tag) {
      case "DA": {
        if (parts.length < 2) throw new EvidenceInputError("MALFORMED", "DA needs a line and a count", number);
        const at = count(parts[0] ?? "", number, "DA line");
        const hits = count((parts[1] ?? "").replace(/^-/, ""), number, "DA count");
        current.lines.set(at, (current.lines.get(at) ?? 0) + hits);
        break;
      }
      case "FN": {
        // FN:<line>,<name> (lcov 1.x) or FN:<line>,<end line>,<name> (lcov 2.x)
        const name = parts.slice(parts.length >= 3 && INT.test(parts[1] ?? "") ? 2 : 1).join(",");
        if (!name) throw new EvidenceInputError("MALFORMED", "FN without a function name", number);
        if (!current.functions.has(name)) current.functions.set(name, 0);
        break;
      }
      case "FNDA": {
        const name = parts.slice(1).join(",");
        if (!name) throw new EvidenceInputError("MALFORMED", "FNDA without a function name", number);
        current.functions.set(name, (current.functions.get(name) ?? 0) + count(parts[0] ?? "", number, "FNDA count"));
        break;
      }
      case "BRDA": {
        if (parts.length < 4) throw new EvidenceInputError("MALFORMED", "BRDA needs line, block, branch and taken", number);
        const key = `${parts[0]},${parts[1]},${parts.slice(2, -1).join(",")}`;
        const taken = parts[parts.length - 1] ?? "";
        current.branches.set(key, (current.branches.get(key) ?? 0) + (taken === "-" ? 0 : count(taken, number, "BRDA taken")));
        break;
      }
      case "LF":
      case "LH":
      case "FNF":
      case "FNH":
      case "BRF":
      case "BRH":
      case "FNL":
      case "FNA":
        // summary lines are recomputed from the records above
        break;
      default:
        throw new EvidenceInputError("MALFORMED", `unknown LCOV record "${tag}"`, number);
    }
  }
  if (!sawRecord) throw new EvidenceInputError("MALFORMED", "no SF record: this is not an LCOV tracefile");
  if (current) throw new EvidenceInputError("TRUNCATED", "the last record has no end_of_record (truncated file?)");

  let lines = [0, 0];
  let functions = [0, 0];
  let branches = [0, 0];
  const tally = (acc: number[], values: Iterable<number>) => {
    for (const hits of values) acc = [(acc[0] ?? 0) + (hits > 0 ? 1 : 0), (acc[1] ?? 0) + 1];
    return acc;
  };
  for (const record of files.values()) {
    lines = tally(lines, record.lines.values());
    functions = tally(functions, record.functions.values());
    branches = tally(branches, record.branches.values());
  }
  return {
    lines: figure(lines[0] ?? 0, lines[1] ?? 0),
    functions: figure(functions[0] ?? 0, functions[1] ?? 0),
    branches: figure(branches[0] ?? 0, branches[1] ?? 0),
    files: files.size,
  };
}
