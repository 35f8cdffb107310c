import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffLines, draftDiff } from "./diff";
import { adrContentSha256, type AdrDraft } from "./draft";

const DRAFT: AdrDraft = {
  title: "Use embedded SQLite storage",
  date: "2026-09-20",
  deciders: ["Nora Lindqvist", "Wang Lei"],
  consulted: [],
  informed: [],
  context: "The synchroniser runs next to each node.",
  decisionDrivers: ["start-up latency < 50 ms"],
  consideredOptions: [{ title: "Embedded SQLite", pros: ["fast start"], cons: ["single writer"] }],
  decisionOutcome: "Embedded SQLite.",
  consequences: "One writer per node.",
  validation: "",
};

/** Applying a diff's kept and added lines gives the new text; its kept and removed lines the old. */
const sides = (lines: ReturnType<typeof diffLines>) => ({
  before: lines.filter((l) => l.op !== "add").map((l) => l.text),
  after: lines.filter((l) => l.op !== "remove").map((l) => l.text),
});

describe("ADR diffs", () => {
  it("shows a changed line as removed and added between the kept ones", () => {
    expect(diffLines(["a", "b", "c"], ["a", "B", "c"])).toEqual([
      { op: "same", text: "a" },
      { op: "remove", text: "b" },
      { op: "add", text: "B" },
      { op: "same", text: "c" },
    ]);
    expect(diffLines([], ["x"])).toEqual([{ op: "add", text: "x" }]);
  });

  it("reproduces both sides and keeps a longest common subsequence", () => {
    const text = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 30 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const lines = diffLines(before, after);
        expect(sides(lines)).toEqual({ before, after });
        // no shorter edit exists than one that keeps every common line it can: kept = LCS length
        const lcs = (a: string[], b: string[]): number => {
          const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
          for (let i = a.length - 1; i >= 0; i -= 1)
            for (let j = b.length - 1; j >= 0; j -= 1)
              t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
          return t[0]![0]!;
        };
        expect(lines.filter((l) => l.op === "same")).toHaveLength(lcs(before, after));
      }),
    );
  });

  it("lists only the fields that changed, options line by line", () => {
    const after = {
      ...DRAFT,
      consideredOptions: [{ title: "Embedded SQLite", pros: ["fast start", "no service"], cons: ["single writer"] }],
    };
    expect(draftDiff(DRAFT, after)).toEqual([
      {
        field: "consideredOptions",
        lines: [
          { op: "same", text: "Embedded SQLite" },
          { op: "same", text: "  + fast start" },
          { op: "add", text: "  + no service" },
          { op: "same", text: "  − single writer" },
        ],
      },
    ]);
    expect(draftDiff(DRAFT, DRAFT)).toEqual([]);
  });

  it("hashes content, not its order of keys, and any word changes the hash", () => {
    const reordered = Object.fromEntries(Object.entries(DRAFT).reverse()) as unknown as AdrDraft;
    expect(adrContentSha256(reordered)).toBe(adrContentSha256(DRAFT));
    expect(adrContentSha256({ ...DRAFT, consequences: "Two writers per node." })).not.toBe(adrContentSha256(DRAFT));
    expect(adrContentSha256(DRAFT)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes an ADR with a date and no one consulted or informed exactly as before those fields existed", () => {
    // the digest the demo's ADR-007 had when acknowledgements were first recorded
    const adr007 = {
      title: "Use embedded SQLite storage",
      date: "2026-09-20",
      deciders: ["Nora Lindqvist", "Wang Lei"],
      context: "The synchroniser runs inside the bank's private deployment next to each node.",
      decisionDrivers: ["start-up latency < 50 ms after a node restart"],
      consideredOptions: [{ title: "Embedded SQLite", pros: ["start-up latency < 50 ms"], cons: ["single writer"] }],
      decisionOutcome: "Embedded SQLite, because start-up latency < 50 ms",
      consequences: "One writer per node; backups by file snapshot.",
      validation: "",
    };
    const before = "9baefdf20351fe0004202ad296898021f281ba7ef94e195e77ad5fbb733a341d";
    expect(adrContentSha256(adr007)).toBe(before);
    expect(adrContentSha256({ ...adr007, consulted: [], informed: [] })).toBe(before);
    expect(adrContentSha256({ ...adr007, consulted: ["Eastbank operations"], informed: [] })).not.toBe(before);
    expect(adrContentSha256({ ...adr007, informed: ["Eastbank operations"] })).not.toBe(
      adrContentSha256({ ...adr007, consulted: ["Eastbank operations"] }),
    );
    expect(adrContentSha256({ ...adr007, date: null })).not.toBe(before);
  });

  it("diffs an unknown date and the people consulted and informed", () => {
    expect(draftDiff(DRAFT, { ...DRAFT, date: null, consulted: ["Eastbank operations"] })).toEqual([
      { field: "date", lines: [{ op: "remove", text: "2026-09-20" }] },
      { field: "consulted", lines: [{ op: "add", text: "Eastbank operations" }] },
    ]);
  });
});
