import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { BitmapHeap, Float64Column } from "./growable";
import { forEachLine, type ByteSource } from "./stream";
import { figure, type CoverageFigure } from "./verdict";

// LCOV tracefiles (geninfo, c8, istanbul's lcov reporter). Totals are computed the way
// `lcov --summary` computes them: records of the same source file are merged first (a line or
// branch hit in any record is hit, a function hit if any record hit it), then every line,
// function and branch counts once; a branch taken "-" was never evaluated and counts as not taken.
// Per file only sorted keys and hit flags are kept, so a 100 MB report stays small in memory.

export interface LcovTotals {
  lines?: CoverageFigure;
  functions?: CoverageFigure;
  branches?: CoverageFigure;
  files: number;
}

/**
 * A file's lines are two small bitmaps (present, hit) in one shared heap, OR-ed together when the
 * file has several records. BRDA and FN entries live in flat columns (key * 2 + hit); a file keeps
 * the ranges of its records and they are merged key by key at the end, as lcov merges them.
 */
interface Range {
  start: number;
  end: number;
}

interface FileRanges {
  /** two bitmaps in the heap: lines present, then lines hit; bit n is source line n */
  lineBitmap: { offset: number; bytes: number } | null;
  branches: Range[];
  functions: Range[];
}

/** A copy that does not pin the chunk it was sliced from (V8 keeps a slice's parent alive). */
function own(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Reads a non-negative integer at `from`; answers [value, index after it] or null. */
function readInt(text: string, from: number): [number, number] | null {
  let value = 0;
  let i = from;
  for (; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  return i === from ? null : [value, i];
}

export async function parseLcov(source: ByteSource, limits: EvidenceLimits): Promise<LcovTotals> {
  const files = new Map<string, FileRanges>();
  const bitmaps = new BitmapHeap();
  let recordLines: number[] = [];
  let recordMaxLine = 0;
  const branches = new Float64Column();
  const functions = new Float64Column();
  const functionIds = new Map<string, number>();
  let current: FileRanges | null = null;
  let starts = { branches: 0, functions: 0 };
  let entries = 0;
  let sawRecord = false;
  // branch ids that are not small integers get a number of their own
  const branchIds = new Map<string, number>();
  const functionId = (name: string) => {
    let id = functionIds.get(name);
    if (id === undefined) {
      id = functionIds.size;
      functionIds.set(own(name), id);
    }
    return id;
  };

  const endRecord = () => {
    if (!current) return;
    // lines of this record go into the file's bitmaps, grown (and merged) when needed
    const bytes = (recordMaxLine >> 3) + 1;
    const known = current.lineBitmap;
    if (!known || known.bytes < bytes) {
      const size = Math.max(bytes, known?.bytes ?? 0);
      const offset = bitmaps.allocate(size * 2);
      if (known) {
        bitmaps.orInto(offset, known.offset, known.bytes);
        bitmaps.orInto(offset + size, known.offset + known.bytes, known.bytes);
      }
      current.lineBitmap = { offset, bytes: size };
    }
    const { offset, bytes: size } = current.lineBitmap!;
    for (const packed of recordLines) {
      const line = packed >>> 1;
      bitmaps.setBit(offset, line);
      if (packed & 1) bitmaps.setBit(offset + size, line);
    }
    recordLines = [];
    recordMaxLine = 0;
    current.branches.push({ start: starts.branches, end: branches.length });
    current.functions.push({ start: starts.functions, end: functions.length });
    current = null;
  };

  await forEachLine(source, limits, (raw, number) => {
    const line = raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
    if (line === "") return;
    if (line.startsWith("DA:")) {
      if (!current) throw new EvidenceInputError("MALFORMED", "DA outside a file record (missing SF)", number);
      if (++entries > limits.maxEntries) throw new EvidenceInputError("TOO_MANY_ENTRIES", `more than ${limits.maxEntries} records`, number);
      const at = readInt(line, 3);
      if (!at || line.charCodeAt(at[1]) !== 44) throw new EvidenceInputError("MALFORMED", "DA needs a line and a count", number);
      const negative = line.charCodeAt(at[1] + 1) === 45;
      const hits = readInt(line, at[1] + (negative ? 2 : 1));
      if (!hits || (hits[1] < line.length && line.charCodeAt(hits[1]) !== 44)) throw new EvidenceInputError("MALFORMED", `DA count in "${line}" is not a whole number`, number);
      if (at[0] > 10_000_000) throw new EvidenceInputError("MALFORMED", `DA line ${at[0]} is beyond any source file`, number);
      recordLines.push(at[0] * 2 + (!negative && hits[0] > 0 ? 1 : 0));
      if (at[0] > recordMaxLine) recordMaxLine = at[0];
      return;
    }
    if (line === "end_of_record") {
      if (!current) throw new EvidenceInputError("MALFORMED", "end_of_record without SF", number);
      endRecord();
      return;
    }
    const colon = line.indexOf(":");
    const tag = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1);
    if (tag === "TN" || tag === "VER") return;
    if (tag === "SF") {
      if (current) throw new EvidenceInputError("MALFORMED", "SF before the previous record's end_of_record", number);
      if (value === "") throw new EvidenceInputError("MALFORMED", "SF without a file name", number);
      current = files.get(value) ?? null;
      if (!current) {
        current = { lineBitmap: null, branches: [], functions: [] };
        files.set(own(value), current);
      }
      starts = { branches: branches.length, functions: functions.length };
      sawRecord = true;
      return;
    }
    if (!current) throw new EvidenceInputError("MALFORMED", `${tag} outside a file record (missing SF)`, number);
    if (++entries > limits.maxEntries) throw new EvidenceInputError("TOO_MANY_ENTRIES", `more than ${limits.maxEntries} records`, number);
    const parts = value.split(",");
    switch (tag) {
      case "FN": {
        // FN:<line>,<name> (lcov 1.x) or FN:<line>,<end line>,<name> (lcov 2.x)
        const name = parts.slice(parts.length >= 3 && /^\d+$/.test(parts[1] ?? "") ? 2 : 1).join(",");
        if (!name) throw new EvidenceInputError("MALFORMED", "FN without a function name", number);
        functions.push(functionId(name) * 2);
        return;
      }
      case "FNDA": {
        const name = parts.slice(1).join(",");
        const hits = readInt(parts[0] ?? "", 0);
        if (!name || !hits || hits[1] !== (parts[0] ?? "").length) throw new EvidenceInputError("MALFORMED", "FNDA needs a count and a function name", number);
        functions.push(functionId(name) * 2 + (hits[0] > 0 ? 1 : 0));
        return;
      }
      case "BRDA": {
        if (parts.length < 4) throw new EvidenceInputError("MALFORMED", "BRDA needs line, block, branch and taken", number);
        const at = Number(parts[0]);
        const block = Number(parts[1]);
        const branch = parts.slice(2, -1).join(",");
        const taken = parts[parts.length - 1] ?? "";
        if (!Number.isInteger(at) || !Number.isInteger(block) || (taken !== "-" && !/^\d+$/.test(taken))) {
          throw new EvidenceInputError("MALFORMED", `BRDA "${value}" is not line,block,branch,taken`, number);
        }
        let branchId = /^\d{1,3}$/.test(branch) ? Number(branch) : branchIds.get(branch);
        if (branchId === undefined) {
          branchId = 1_000 + branchIds.size;
          branchIds.set(branch, branchId);
        }
        branches.push((at * 2 ** 31 + block * 2 ** 19 + branchId) * 2 + (taken !== "-" && Number(taken) > 0 ? 1 : 0));
        return;
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
        return;
      default:
        throw new EvidenceInputError("MALFORMED", `unknown LCOV record "${tag}"`, number);
    }
  });
  if (!sawRecord) throw new EvidenceInputError("MALFORMED", "no SF record: this is not an LCOV tracefile");
  if (current) throw new EvidenceInputError("TRUNCATED", "the last record has no end_of_record (truncated file?)");

  const totals = { lines: [0, 0], functions: [0, 0], branches: [0, 0] };
  for (const file of files.values()) {
    if (file.lineBitmap) {
      totals.lines[1] = (totals.lines[1] ?? 0) + bitmaps.popcount(file.lineBitmap.offset, file.lineBitmap.bytes);
      totals.lines[0] = (totals.lines[0] ?? 0) + bitmaps.popcount(file.lineBitmap.offset + file.lineBitmap.bytes, file.lineBitmap.bytes);
    }
    count(totals.branches, branches, file.branches);
    count(totals.functions, functions, file.functions);
  }
  return {
    lines: figure(totals.lines[0] ?? 0, totals.lines[1] ?? 0),
    functions: figure(totals.functions[0] ?? 0, totals.functions[1] ?? 0),
    branches: figure(totals.branches[0] ?? 0, totals.branches[1] ?? 0),
    files: files.size,
  };
}

/** Adds one file's distinct keys (hit if hit in any of its records) to [covered, total]. */
function count(into: number[], column: Float64Column, ranges: Range[]): void {
  const hitByKey = new Map<number, number>();
  for (const range of ranges) {
    for (let i = range.start; i < range.end; i += 1) {
      const packed = column.at(i);
      const key = Math.floor(packed / 2);
      hitByKey.set(key, (hitByKey.get(key) ?? 0) | (packed % 2));
    }
  }
  into[1] = (into[1] ?? 0) + hitByKey.size;
  for (const hit of hitByKey.values()) into[0] = (into[0] ?? 0) + hit;
}
