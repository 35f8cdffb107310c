import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteInterner } from "./byte-interner";
import { DEFAULT_LIMITS } from "./errors";
import { parseLcov } from "./lcov";
import { bytesOf } from "./stream";

// The byte-level LCOV parser against a plain reference that keeps every key in a Map, as
// `lcov --summary` merges records: random tracefiles with repeated files, functions and branches,
// cut into random chunk sizes (so lines straddle chunk boundaries).

interface RecordSpec {
  file: number;
  lines: [number, number][];
  functions: [string, number][];
  branches: [number, number, number, number | "-"][];
}

const record = fc.record({
  file: fc.integer({ min: 0, max: 4 }),
  lines: fc.array(fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 3 })), { maxLength: 30 }),
  functions: fc.array(fc.tuple(fc.constantFrom("main", "parse", "run_ä", "x,y"), fc.integer({ min: 0, max: 2 })), {
    maxLength: 4,
  }),
  branches: fc.array(
    fc.tuple(
      fc.integer({ min: 1, max: 300 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.oneof(fc.constant("-" as const), fc.integer({ min: 0, max: 2 })),
    ),
    { maxLength: 10 },
  ),
});

function write(records: RecordSpec[], crlf: boolean): string {
  const nl = crlf ? "\r\n" : "\n";
  return records
    .map((r) => {
      const lines = [`TN:t`, `SF:/src/file-${r.file}.c`];
      for (const [name] of r.functions) lines.push(`FN:1,${name}`);
      for (const [name, hits] of r.functions) lines.push(`FNDA:${hits},${name}`);
      for (const [line, block, branch, taken] of r.branches) lines.push(`BRDA:${line},${block},${branch},${taken}`);
      for (const [line, hits] of r.lines) lines.push(`DA:${line},${hits}`);
      lines.push("end_of_record");
      return lines.join(nl) + nl;
    })
    .join("");
}

function reference(records: RecordSpec[]) {
  const lines = new Map<string, boolean>();
  const functions = new Map<string, boolean>();
  const branches = new Map<string, boolean>();
  const merge = (map: Map<string, boolean>, key: string, hit: boolean) => map.set(key, (map.get(key) ?? false) || hit);
  for (const r of records) {
    for (const [line, hits] of r.lines) merge(lines, `${r.file}:${line}`, hits > 0);
    for (const [name, hits] of r.functions) merge(functions, `${r.file}:${name}`, hits > 0);
    for (const [line, block, branch, taken] of r.branches)
      merge(branches, `${r.file}:${line}:${block}:${branch}`, taken !== "-" && taken > 0);
  }
  const figure = (map: Map<string, boolean>) =>
    map.size === 0 ? undefined : { covered: [...map.values()].filter(Boolean).length, total: map.size };
  return {
    lines: figure(lines),
    functions: figure(functions),
    branches: figure(branches),
    files: new Set(records.map((r) => r.file)).size,
  };
}

const strip = (f: { covered: number; total: number } | undefined) =>
  f ? { covered: f.covered, total: f.total } : undefined;

describe("parseLcov against a reference model", () => {
  it("agrees on every random tracefile, whatever the chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        async (records, chunk, crlf) => {
          const totals = await parseLcov(bytesOf(write(records, crlf), chunk), DEFAULT_LIMITS);
          const expected = reference(records);
          expect({
            lines: strip(totals.lines),
            functions: strip(totals.functions),
            branches: strip(totals.branches),
            files: totals.files,
          }).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("ByteInterner", () => {
  it("numbers distinct byte strings in order and finds them again, across growth", () => {
    const interner = new ByteInterner();
    const encoder = new TextEncoder();
    const words = Array.from({ length: 5000 }, (_, i) => `name-${i % 3 === 0 ? "ü" : ""}${i}`);
    words.forEach((word, i) => {
      const bytes = encoder.encode(`[${word}]`);
      expect(interner.intern(bytes, 1, bytes.length - 1)).toBe(i);
    });
    words.forEach((word, i) => {
      const bytes = encoder.encode(word);
      expect(interner.intern(bytes, 0, bytes.length)).toBe(i);
    });
    expect(interner.size).toBe(words.length);
    expect(new TextDecoder().decode(interner.bytesOf(4242))).toBe(words[4242]);
  });
});
