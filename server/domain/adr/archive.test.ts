import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ArchiveRefusal, entryPathProblem, readArchive } from "./archive";
import { readAdrFiles } from "./import";
import { madrFiles } from "./madr";

const ADR = madrFiles([
  {
    number: 7,
    title: "Use embedded SQLite storage",
    status: "accepted",
    date: "2026-09-20",
    deciders: ["Nora Lindqvist"],
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

const refusalOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ArchiveRefusal) return error.message;
    throw error;
  }
  return null;
};

describe("reading an ADR archive", () => {
  it("reads the files of a zip, leaving directories out", () => {
    const zip = zipSync({ "docs/decisions/": new Uint8Array(), [`docs/decisions/${ADR.name}`]: strToU8(ADR.content) });
    const files = readArchive(zip);
    expect(files.map((f) => f.path)).toEqual([`docs/decisions/${ADR.name}`]);
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe(ADR.content);
  });

  it("refuses paths outside the archive's root", () => {
    for (const name of ["../0001-escape.md", "docs/../../0001-escape.md", "/etc/0001-x.md", "C:/0001-x.md", "docs\\0001-x.md"]) {
      expect(refusalOf(() => readArchive(zipSync({ [name]: strToU8("# x") })))).toMatch(/nothing was imported/);
    }
    expect(entryPathProblem("docs/decisions/0001-a.md")).toBeNull();
    expect(entryPathProblem("docs/..hidden/0001-a.md")).toBeNull();
  });

  it("stops at the entry count, the per-file size and the total unpacked size, whatever the headers say", () => {
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`${i}.md`, strToU8("x")]));
    expect(refusalOf(() => readArchive(zipSync(many), { maxEntries: 5, maxFileBytes: 100, maxTotalBytes: 1_000 }))).toMatch(/more than 5 entries/);
    // 64 MiB of zeros deflate to ~64 KiB: refused once 1 MiB has been inflated
    const bomb = zipSync({ "0001-bomb.md": new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(refusalOf(() => readArchive(bomb))).toMatch(/"0001-bomb\.md" unpacks to more than 1048576 bytes/);
    const wide = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`${i}.md`, new Uint8Array(400)]));
    expect(refusalOf(() => readArchive(zipSync(wide), { maxEntries: 10, maxFileBytes: 1_000, maxTotalBytes: 1_000 }))).toMatch(/unpacks to more than 1000 bytes/);
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
      { path: "decisions/0004-bad-date.md", bytes: strToU8("# 4. Bad date\n\nDate: 2026-02-30\n\n## Status\n\nAccepted\n") },
      { path: "other/0007-copy.md", bytes: strToU8(ADR.content) },
    ];
    const read = readAdrFiles(files);
    expect(read.adrs.map((a) => [a.file, a.number, a.status, a.supersedes])).toEqual([["decisions/0007-use-embedded-sqlite-storage.md", 7, "accepted", 6]]);
    expect(read.problems).toEqual([
      { file: "decisions/0002-no-title.md", reason: "no title (a line starting with '# ')" },
      { file: "decisions/0003-latin1.md", reason: "not UTF-8 text" },
      { file: "decisions/0004-bad-date.md", reason: "date: not a calendar date" },
      { file: "decisions/README.md", reason: "skipped: not an ADR file (NNNN-title.md)" },
      { file: "other/0007-copy.md", reason: "a second file for ADR 7" },
    ]);
  });
});
