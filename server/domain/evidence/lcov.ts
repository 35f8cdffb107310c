import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { ByteInterner } from "./byte-interner";
import { Float64Column, Int32Column } from "./growable";
import { LineBitmaps } from "./line-bitmaps";
import { forEachLineChunk, type ByteSource } from "./stream";
import { figure, type CoverageFigure } from "./verdict";

// LCOV tracefiles (geninfo, c8, istanbul's lcov reporter). Totals are computed the way
// `lcov --summary` computes them: records of the same source file are merged first (a line or
// branch hit in any record is hit, a function hit if any record hit it), then every line,
// function and branch counts once; a branch taken "-" was never evaluated and counts as not taken.
// Lines are read as bytes (no string per line) and per file only bitmaps and packed keys are
// kept, so a 100 MB report is parsed at disk-like speed in little memory.

export interface LcovTotals {
  lines?: CoverageFigure;
  functions?: CoverageFigure;
  branches?: CoverageFigure;
  files: number;
}

/**
 * Every record keeps where its branch and function entries start and end in the flat columns and
 * the previous record of the same file, so a file's records are a chain that ends at `lastRecord`.
 */
class Records {
  readonly branchStart = new Int32Column();
  readonly branchEnd = new Int32Column();
  readonly functionStart = new Int32Column();
  readonly functionEnd = new Int32Column();
  readonly previous = new Int32Column();
  /** by file index: its newest record, -1 for none */
  readonly lastRecord = new Int32Column();
}

const KNOWN_TAGS = [
  "end_of_record",
  "TN",
  "VER",
  "SF",
  "FN",
  "FNDA",
  "LF",
  "LH",
  "FNF",
  "FNH",
  "BRF",
  "BRH",
  "FNL",
  "FNA",
];

/** The record's tag as one of the known constants (no string built per line), else its text. */
function tagAt(bytes: Uint8Array, start: number, end: number): string {
  for (const tag of KNOWN_TAGS) {
    if (tag.length === end - start && startsWith(bytes, start, end, tag)) return tag;
  }
  return text(bytes, start, end);
}

const COLON = 58;
const COMMA = 44;
const DASH = 45;
const MAX_LINE = 10_000_000;
// a branch key packs line, block and branch into one exactly representable double
const MAX_BLOCK = 2 ** 14;
const MAX_BRANCH = 2 ** 14;

const utf8 = new TextDecoder("utf-8");

/** Integer parsing over bytes: `parsedEnd` holds the index after the digits (-1 when none). */
let parsedEnd = -1;
function readInt(bytes: Uint8Array, from: number, end: number): number {
  let value = 0;
  let i = from;
  for (; i < end; i += 1) {
    const c = bytes[i]!;
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  parsedEnd = i === from ? -1 : i;
  return value;
}

/** The last line fastDA read: its number and whether it was hit. */
let fastLine = 0;
let fastHit = false;

/**
 * Reads a plain "DA:<line>,<count>" line (LF or CRLF) starting at `i` and answers the index after
 * its newline, or -1 for anything else (checksums, negative counts, spaces, errors): those go the
 * general way, which also words the errors.
 */
function fastDA(bytes: Uint8Array, i: number, end: number): number {
  let at = i + 3;
  let line = 0;
  let c = bytes[at]!;
  if (c < 48 || c > 57) return -1;
  for (; at < end; at += 1) {
    c = bytes[at]!;
    if (c < 48 || c > 57) break;
    line = line * 10 + (c - 48);
  }
  if (c !== COMMA || line > MAX_LINE) return -1;
  at += 1;
  c = bytes[at]!;
  if (c < 48 || c > 57) return -1;
  let hit = false;
  for (; at < end; at += 1) {
    c = bytes[at]!;
    if (c < 48 || c > 57) break;
    if (c !== 48) hit = true;
  }
  if (c === 13) {
    at += 1;
    c = bytes[at]!;
  }
  if (c !== 10 && at < end) return -1;
  fastLine = line;
  fastHit = hit;
  return at + 1;
}

function startsWith(bytes: Uint8Array, start: number, end: number, ascii: string): boolean {
  if (end - start < ascii.length) return false;
  for (let i = 0; i < ascii.length; i += 1) if (bytes[start + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function badBranch(bytes: Uint8Array, start: number, end: number, number: number): EvidenceInputError {
  return new EvidenceInputError(
    "MALFORMED",
    `BRDA "${text(bytes, start + 5, end)}" is not line,block,branch,taken`,
    number,
  );
}

/** Short ASCII text is built directly: a TextDecoder call costs more than the bytes it reads. */
function text(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 256) return utf8.decode(bytes.subarray(start, end));
  for (let i = start; i < end; i += 1) if (bytes[i]! > 127) return utf8.decode(bytes.subarray(start, end));
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

export async function parseLcov(source: ByteSource, limits: EvidenceLimits): Promise<LcovTotals> {
  /** file paths, each id the file's index in lineBitmaps and records.lastRecord */
  const files = new ByteInterner();
  const records = new Records();
  const lineBitmaps = new LineBitmaps();
  const branches = new Float64Column();
  const functions = new Float64Column();
  const functionIds = new ByteInterner();
  const branchIds = new Map<string, number>();
  /** the file of the record being read, -1 between records */
  let current = -1;
  let starts = { branches: 0, functions: 0 };
  let entries = 0;
  let sawRecord = false;

  const countEntry = (number: number) => {
    if (++entries > limits.maxEntries)
      throw new EvidenceInputError("TOO_MANY_ENTRIES", `more than ${limits.maxEntries} records`, number);
  };
  const inRecord = (tag: string, number: number): void => {
    if (current === -1) throw new EvidenceInputError("MALFORMED", `${tag} outside a file record (missing SF)`, number);
  };

  const onDA = (bytes: Uint8Array, start: number, end: number, number: number) => {
    inRecord("DA", number);
    countEntry(number);
    const line = readInt(bytes, start + 3, end);
    if (parsedEnd === -1 || bytes[parsedEnd] !== COMMA)
      throw new EvidenceInputError("MALFORMED", "DA needs a line and a count", number);
    const negative = bytes[parsedEnd + 1] === DASH;
    const hits = readInt(bytes, parsedEnd + (negative ? 2 : 1), end);
    if (parsedEnd === -1 || (parsedEnd < end && bytes[parsedEnd] !== COMMA)) {
      throw new EvidenceInputError(
        "MALFORMED",
        `DA count in "${text(bytes, start, end)}" is not a whole number`,
        number,
      );
    }
    if (line > MAX_LINE) throw new EvidenceInputError("MALFORMED", `DA line ${line} is beyond any source file`, number);
    lineBitmaps.add(line, !negative && hits > 0);
  };

  const onBRDA = (bytes: Uint8Array, start: number, end: number, number: number) => {
    inRecord("BRDA", number);
    countEntry(number);
    const line = readInt(bytes, start + 5, end);
    if (parsedEnd === -1 || bytes[parsedEnd] !== COMMA || line > MAX_LINE) throw badBranch(bytes, start, end, number);
    // lcov 2 marks exception branches with an "e" before the block number
    const exception = bytes[parsedEnd + 1] === 101;
    const block = readInt(bytes, parsedEnd + (exception ? 2 : 1), end);
    if (parsedEnd === -1 || bytes[parsedEnd] !== COMMA || block >= MAX_BLOCK / 2)
      throw badBranch(bytes, start, end, number);
    const branchStart = parsedEnd + 1;
    const lastComma = bytes.lastIndexOf(COMMA, end - 1);
    if (lastComma < branchStart) throw badBranch(bytes, start, end, number);
    let taken = 0;
    if (!(lastComma + 2 === end && bytes[lastComma + 1] === DASH)) {
      taken = readInt(bytes, lastComma + 1, end);
      if (parsedEnd !== end) throw badBranch(bytes, start, end, number);
    }
    let branchId = readInt(bytes, branchStart, lastComma);
    if (parsedEnd !== lastComma || branchId >= 1_000) {
      // expression branch ids (coverage.py's "jump to line 7") get a number of their own
      const name = text(bytes, branchStart, lastComma);
      const known = branchIds.get(name);
      branchId = known ?? 1_000 + branchIds.size;
      if (known === undefined) branchIds.set(name, branchId);
      if (branchId >= MAX_BRANCH)
        throw new EvidenceInputError(
          "TOO_MANY_ENTRIES",
          `more than ${MAX_BRANCH - 1_000} distinct branch names`,
          number,
        );
    }
    const key = line * MAX_BLOCK * MAX_BRANCH + (block + (exception ? MAX_BLOCK / 2 : 0)) * MAX_BRANCH + branchId;
    branches.push(key * 2 + (taken > 0 ? 1 : 0));
  };

  const endRecord = () => {
    lineBitmaps.endRecord(current);
    const record = records.branchStart.push(starts.branches);
    records.branchEnd.push(branches.length);
    records.functionStart.push(starts.functions);
    records.functionEnd.push(functions.length);
    records.previous.push(records.lastRecord.at(current));
    records.lastRecord.set(current, record);
    current = -1;
  };

  const onOther = (bytes: Uint8Array, start: number, end: number, number: number) => {
    let tagEnd = start;
    while (tagEnd < end && bytes[tagEnd] !== COLON) tagEnd += 1;
    const tag = tagAt(bytes, start, tagEnd);
    const valueStart = Math.min(tagEnd + 1, end);
    switch (tag) {
      case "end_of_record":
        if (current === -1) throw new EvidenceInputError("MALFORMED", "end_of_record without SF", number);
        endRecord();
        return;
      case "TN":
      case "VER":
        return;
      case "SF": {
        if (current !== -1)
          throw new EvidenceInputError("MALFORMED", "SF before the previous record's end_of_record", number);
        if (valueStart >= end) throw new EvidenceInputError("MALFORMED", "SF without a file name", number);
        current = files.intern(bytes, valueStart, end);
        if (current === records.lastRecord.length) {
          if (lineBitmaps.newFile() !== current) throw new Error("file numbering out of step");
          records.lastRecord.push(-1);
        }
        starts = { branches: branches.length, functions: functions.length };
        sawRecord = true;
        return;
      }
      case "FN": {
        inRecord(tag, number);
        countEntry(number);
        // FN:<line>,<name> (lcov 1.x) or FN:<line>,<end line>,<name> (lcov 2.x)
        readInt(bytes, valueStart, end);
        let nameStart = parsedEnd === -1 || bytes[parsedEnd] !== COMMA ? -1 : parsedEnd + 1;
        if (nameStart !== -1) {
          readInt(bytes, nameStart, end);
          if (parsedEnd !== -1 && bytes[parsedEnd] === COMMA) nameStart = parsedEnd + 1;
        }
        if (nameStart === -1 || nameStart >= end)
          throw new EvidenceInputError("MALFORMED", "FN without a function name", number);
        functions.push(functionIds.intern(bytes, nameStart, end) * 2);
        return;
      }
      case "FNDA": {
        inRecord(tag, number);
        countEntry(number);
        const hits = readInt(bytes, valueStart, end);
        if (parsedEnd === -1 || bytes[parsedEnd] !== COMMA || parsedEnd + 1 >= end)
          throw new EvidenceInputError("MALFORMED", "FNDA needs a count and a function name", number);
        functions.push(functionIds.intern(bytes, parsedEnd + 1, end) * 2 + (hits > 0 ? 1 : 0));
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
        inRecord(tag, number);
        return;
      default:
        throw new EvidenceInputError("MALFORMED", `unknown LCOV record "${tag}"`, number);
    }
  };

  await forEachLineChunk(source, limits, (bytes, chunkEnd, firstLine) => {
    let number = firstLine;
    let i = 0;
    while (i < chunkEnd) {
      // the common line, "DA:<line>,<count>", is parsed in the same pass that finds its end
      if (bytes[i] === 68 && bytes[i + 1] === 65 && bytes[i + 2] === COLON) {
        const fast = fastDA(bytes, i, chunkEnd);
        if (fast !== -1) {
          if (current === -1)
            throw new EvidenceInputError("MALFORMED", "DA outside a file record (missing SF)", number);
          if (++entries > limits.maxEntries)
            throw new EvidenceInputError("TOO_MANY_ENTRIES", `more than ${limits.maxEntries} records`, number);
          lineBitmaps.add(fastLine, fastHit);
          i = fast;
          number += 1;
          continue;
        }
      }
      let lineEnd = i;
      while (lineEnd < chunkEnd && bytes[lineEnd] !== 10) lineEnd += 1;
      let start = i;
      let end = lineEnd;
      while (start < end && bytes[start]! <= 32) start += 1;
      while (end > start && bytes[end - 1]! <= 32) end -= 1;
      if (start < end) {
        if (bytes[start] === 68 && bytes[start + 1] === 65 && bytes[start + 2] === COLON)
          onDA(bytes, start, end, number);
        else if (startsWith(bytes, start, end, "BRDA:")) onBRDA(bytes, start, end, number);
        else onOther(bytes, start, end, number);
      }
      i = lineEnd + 1;
      number += 1;
    }
    return number - firstLine;
  });
  if (!sawRecord) throw new EvidenceInputError("MALFORMED", "no SF record: this is not an LCOV tracefile");
  if (current !== -1)
    throw new EvidenceInputError("TRUNCATED", "the last record has no end_of_record (truncated file?)");

  let linesCovered = 0;
  let linesTotal = 0;
  const totals = { functions: [0, 0], branches: [0, 0] };
  const counter = new DistinctCounter();
  for (let file = 0; file < files.size; file += 1) {
    const [covered, total] = lineBitmaps.count(file);
    linesCovered += covered;
    linesTotal += total;
    counter.count(totals.branches, branches, records, file, records.branchStart, records.branchEnd);
    counter.count(totals.functions, functions, records, file, records.functionStart, records.functionEnd);
  }
  return {
    lines: figure(linesCovered, linesTotal),
    functions: figure(totals.functions[0]!, totals.functions[1]!),
    branches: figure(totals.branches[0]!, totals.branches[1]!),
    files: files.size,
  };
}

/**
 * Counts one file's distinct keys (hit if hit in any of its records): the file's packed entries
 * (key * 2 + hit) are copied into one reused scratch array and sorted, so equal keys sit together.
 */
class DistinctCounter {
  private scratch = new Float64Array(1024);

  count(
    into: number[],
    column: Float64Column,
    records: Records,
    file: number,
    starts: Int32Column,
    ends: Int32Column,
  ): void {
    let length = 0;
    for (let r = records.lastRecord.at(file); r !== -1; r = records.previous.at(r)) length += ends.at(r) - starts.at(r);
    if (length === 0) return;
    if (length > this.scratch.length) this.scratch = new Float64Array(length * 2);
    let at = 0;
    for (let r = records.lastRecord.at(file); r !== -1; r = records.previous.at(r)) {
      for (let i = starts.at(r); i < ends.at(r); i += 1) this.scratch[at++] = column.at(i);
    }
    const entries = this.scratch.subarray(0, length).sort();
    let total = 0;
    let covered = 0;
    let previousKey = -1;
    let previousHit = 0;
    for (let i = 0; i < length; i += 1) {
      const packed = entries[i]!;
      const key = Math.floor(packed / 2);
      const hit = packed % 2;
      if (key !== previousKey) {
        covered += previousHit;
        total += 1;
        previousKey = key;
        previousHit = hit;
      } else previousHit |= hit;
    }
    covered += previousHit;
    into[0] = (into[0] ?? 0) + covered;
    into[1] = (into[1] ?? 0) + total;
  }
}
