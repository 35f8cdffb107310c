import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ArchiveReader, ArchiveRefusal, entryPathProblem, readArchive } from "./archive";
import { readAdrFiles } from "./import";
import { ADR_IMPORT_LIMITS, ImportBudget, ImportTooLarge } from "./import-budget";
import { madrFiles } from "./madr";

const ADR = madrFiles([
  {
    number: 7,
    title: "Use embedded SQLite storage",
    status: "accepted",
    importedStatus: null,
    date: "2026-09-20",
    deciders: ["Nora Lindqvist"],
    consulted: [],
    informed: [],
    context: "Runs next to each node.",
    decisionDrivers: ["start-up latency < 50 ms"],
    consideredOptions: [{ title: "Embedded SQLite", pros: ["fast start"], cons: ["single writer"] }],
    decisionOutcome: "Embedded SQLite.",
    consequences: "One writer per node.",
    validation: "",
    supersededBy: null,
    supersedes: 6,
  },
])[0]!;

/** "ArchiveRefusal: ..." (a 400) or "ImportTooLarge: ..." (a 413), or null when `work` was not refused. */
const refusalOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ArchiveRefusal || error instanceof ImportTooLarge) return `${error.name}: ${error.message}`;
    throw error;
  }
  return null;
};

describe("reading an ADR archive", () => {
  it("reads the files of a zip, leaving directories out", () => {
    const zip = zipSync({ "docs/decisions/": new Uint8Array(), [`docs/decisions/${ADR.name}`]: strToU8(ADR.content) });
    const { files } = readArchive(zip);
    expect(files.map((f) => f.path)).toEqual([`docs/decisions/${ADR.name}`]);
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe(ADR.content);
  });

  it("refuses paths outside the archive's root", () => {
    for (const name of [
      "../0001-escape.md",
      "docs/../../0001-escape.md",
      "/etc/0001-x.md",
      "C:/0001-x.md",
      "docs\\0001-x.md",
    ]) {
      expect(refusalOf(() => readArchive(zipSync({ [name]: strToU8("# x") })))).toMatch(/nothing was imported/);
    }
    expect(entryPathProblem("docs/decisions/0001-a.md")).toBeNull();
    expect(entryPathProblem("docs/..hidden/0001-a.md")).toBeNull();
  });

  it("stops at the entry count, the per-file size and the total unpacked size, whatever the headers say", () => {
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`${i}.md`, strToU8("x")]));
    expect(
      refusalOf(() =>
        readArchive(zipSync(many), new ImportBudget({ maxEntries: 5, maxFileBytes: 100, maxTotalBytes: 1_000 })),
      ),
    ).toMatch(/^ImportTooLarge: .*more than 5 files and archive entries/);
    // 64 MiB of zeros deflate to ~64 KiB: refused once 1 MiB has been inflated
    const bomb = zipSync({ "0001-bomb.md": new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(refusalOf(() => readArchive(bomb))).toMatch(
      /^ArchiveRefusal: "0001-bomb\.md" unpacks to more than 1048576 bytes/,
    );
    const wide = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`${i}.md`, new Uint8Array(400)]));
    expect(
      refusalOf(() =>
        readArchive(zipSync(wide), new ImportBudget({ maxEntries: 10, maxFileBytes: 1_000, maxTotalBytes: 1_000 })),
      ),
    ).toMatch(/^ImportTooLarge: the import unpacks to more than 1000 bytes/);
  });

  it("reports a zip inside the archive as skipped without unpacking it", () => {
    const inner = zipSync({ "0002-inner.md": new Uint8Array(2 * 1024 * 1024) });
    const budget = new ImportBudget();
    const contents = readArchive(
      zipSync({ [`decisions/${ADR.name}`]: strToU8(ADR.content), "decisions/old.zip": inner }),
      budget,
    );
    expect(contents.files.map((f) => f.path)).toEqual([`decisions/${ADR.name}`]);
    expect(contents.skipped).toEqual([
      { file: "decisions/old.zip", reason: "skipped: an archive inside an archive is not unpacked" },
    ]);
    expect(budget.bytes).toBe(strToU8(ADR.content).length);
  });

  it("refuses what is not a zip", () => {
    expect(refusalOf(() => readArchive(strToU8("# 1. Not a zip")))).toMatch(/not a zip archive|not a readable zip/);
  });

  it("reports each file it cannot read and reads the rest", () => {
    const files = [
      { path: `decisions/${ADR.name}`, bytes: strToU8(ADR.content) },
      { path: "decisions/README.md", bytes: strToU8("# Decisions") },
      { path: "decisions/0002-no-title.md", bytes: strToU8("Date: 2026-01-01\n\nno heading") },
      { path: "decisions/0003-latin1.md", bytes: new Uint8Array([0x23, 0x20, 0xe9, 0x0a]) },
      {
        path: "decisions/0004-bad-date.md",
        bytes: strToU8("# 4. Bad date\n\nDate: 2026-02-30\n\n## Status\n\nAccepted\n"),
      },
      { path: "decisions/0005-long-title.md", bytes: strToU8(`# ${"x".repeat(201)}\n`) },
      { path: "other/0007-copy.md", bytes: strToU8(ADR.content) },
    ];
    const read = readAdrFiles(files);
    // a date that is not a calendar date no longer refuses the file: it imports as unknown, and says so
    expect(read.adrs.map((a) => [a.file, a.number, a.status, a.draft.date, a.supersedes])).toEqual([
      ["decisions/0004-bad-date.md", 4, "accepted", null, null],
      ["decisions/0007-use-embedded-sqlite-storage.md", 7, "accepted", "2026-09-20", { number: 6 }],
    ]);
    expect(read.adrs[0]!.assumptions).toEqual(['date "2026-02-30" is not a date (YYYY-MM-DD): imported as unknown']);
    expect(read.adrs[1]!.assumptions).toEqual([]);
    expect(read.problems).toEqual([
      { file: "decisions/0002-no-title.md", reason: "no title (a line starting with '# ')" },
      { file: "decisions/0003-latin1.md", reason: "not UTF-8 text" },
      { file: "decisions/0005-long-title.md", reason: expect.stringMatching(/^title: /) },
      {
        file: "decisions/README.md",
        reason: "skipped: not an ADR file (NNNN-title.md, or YYYYMMDD-title.md as log4brains names them)",
      },
      { file: "other/0007-copy.md", reason: "a second file for ADR 7" },
    ]);
  });
});

describe("one import budget for a whole request", () => {
  const small = { maxEntries: 5, maxFileBytes: 1_000, maxTotalBytes: 1_000 };
  const zipOf = (count: number, size: number, prefix = "") =>
    zipSync(Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}.md`, new Uint8Array(size)])));

  it("refuses two archives that are each within the limits but together over the bytes", () => {
    const first = zipOf(2, 400, "a");
    const second = zipOf(2, 400, "b");
    expect(readArchive(first, new ImportBudget(small)).files).toHaveLength(2);
    expect(readArchive(second, new ImportBudget(small)).files).toHaveLength(2);

    const budget = new ImportBudget(small);
    expect(readArchive(first, budget).files).toHaveLength(2);
    expect(refusalOf(() => readArchive(second, budget))).toBe(
      "ImportTooLarge: the import unpacks to more than 1000 bytes",
    );
  });

  it("counts entries across archives, directories included", () => {
    const budget = new ImportBudget(small);
    readArchive(zipSync({ "d/": new Uint8Array(), "d/1.md": strToU8("x"), "d/2.md": strToU8("x") }), budget);
    expect(budget.entries).toBe(3);
    readArchive(zipOf(2, 1), budget);
    expect(refusalOf(() => readArchive(zipOf(1, 1, "c"), budget))).toBe(
      "ImportTooLarge: the import has more than 5 files and archive entries",
    );
  });

  it("stops inflating as soon as the request's bytes are spent, with the default limits", () => {
    // each archive unpacks to 6 MiB in 1 MiB files (under every limit on its own); together 12 MiB
    const mib = 1024 * 1024;
    const six = zipSync(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`${i}.md`, new Uint8Array(mib)])), {
      level: 9,
    });
    expect(six.length).toBeLessThan(20_000);
    expect(readArchive(six).files).toHaveLength(6);
    const budget = new ImportBudget();
    expect(readArchive(six, budget).files).toHaveLength(6);
    expect(refusalOf(() => readArchive(six, budget))).toBe(
      `ImportTooLarge: the import unpacks to more than ${ADR_IMPORT_LIMITS.maxTotalBytes} bytes`,
    );
    // refused at the entry that crossed the limit, not after inflating the rest of the second archive
    expect(budget.bytes).toBeGreaterThan(ADR_IMPORT_LIMITS.maxTotalBytes);
    expect(budget.bytes).toBeLessThanOrEqual(ADR_IMPORT_LIMITS.maxTotalBytes + mib);
  });

  it("reads an archive pushed in pieces and refuses at the piece that spends the budget", () => {
    const zip = zipSync({ [`decisions/${ADR.name}`]: strToU8(ADR.content), "decisions/big.md": new Uint8Array(900) });
    const whole = readArchive(zip);
    const reader = new ArchiveReader(new ImportBudget());
    for (let at = 0; at < zip.length; at += 7) reader.push(zip.subarray(at, at + 7));
    expect(reader.end()).toEqual(whole);

    const budget = new ImportBudget({ ...small, maxTotalBytes: 500 });
    const stopped = new ArchiveReader(budget);
    let refusedAt = -1;
    for (let at = 0; at < zip.length && refusedAt < 0; at += 64) {
      if (refusalOf(() => stopped.push(zip.subarray(at, at + 64)))) refusedAt = at;
    }
    expect(refusedAt).toBeGreaterThan(0);
    expect(refusedAt).toBeLessThan(zip.length - 64);
    expect(refusalOf(() => stopped.end())).toBe("ImportTooLarge: the import unpacks to more than 500 bytes");
  });
});
