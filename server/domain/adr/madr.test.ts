import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adrFilename, adrLabel, ADR_STATUSES, nextAdrNumber, slugify, statusChangeProblem, type AdrContent } from "./adr";
import { numberFromFilename, parseAdr, toMadr } from "./madr";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

describe("ADR numbering and names", () => {
  it("numbers sequentially per engagement and names files as adr-tools does", () => {
    expect(nextAdrNumber([])).toBe(1);
    expect(nextAdrNumber([1, 2, 7])).toBe(8);
    expect(adrLabel(7)).toBe("ADR-007");
    expect(adrFilename(7, "Use embedded SQLite storage")).toBe("0007-use-embedded-sqlite-storage.md");
    expect(slugify("Café: déjà vu / v2!")).toBe("cafe-deja-vu-v2");
    expect(slugify("使用嵌入式存储")).toBe("使用嵌入式存储");
    expect(numberFromFilename("docs/adr/0012-pick-a-queue.md")).toBe(12);
    expect(numberFromFilename("README.md")).toBeNull();
  });

  it("allows only the status changes the record permits", () => {
    expect(statusChangeProblem("proposed", "accepted")).toBeNull();
    expect(statusChangeProblem("accepted", "deprecated")).toBeNull();
    expect(statusChangeProblem("accepted", "proposed")).toContain("cannot become proposed");
    expect(statusChangeProblem("accepted", "superseded")).toContain("recording the ADR that replaces it");
    expect(statusChangeProblem("rejected", "accepted")).toContain("cannot become accepted");
  });
});

describe("reading real formats", () => {
  it("reads MADR 3.0.0 with its optional elements and comments", () => {
    const adr = parseAdr(fixture("madr/0007-use-embedded-sqlite-storage.md"), 7);
    expect(adr).toMatchObject({
      number: 7,
      title: "Use embedded SQLite storage",
      status: "accepted",
      date: "2026-09-20",
      deciders: ["Nora Lindqvist", "Wang Lei"],
      decisionDrivers: ["start-up latency below 50 ms", "no extra service for the bank to operate"],
      supersededBy: null,
    });
    expect(adr.consideredOptions).toEqual([
      { title: "Embedded SQLite", pros: ["start-up latency < 50 ms", "no extra service to operate"], cons: ["single writer"] },
      { title: "PostgreSQL + Docker", pros: ["concurrent writers"], cons: ["another service to run", "slow cold start"] },
    ]);
    expect(adr.decisionOutcome).toContain('Chosen option: "Embedded SQLite"');
    expect(adr.validation).toContain("BenchmarkColdStart");
    expect(adr.context).not.toContain("optional element");
  });

  it("reads adr-tools files and their supersede links both ways", () => {
    const old = parseAdr(fixture("adr-tools/0002-use-postgresql-in-docker.md"), null);
    const replacement = parseAdr(fixture("adr-tools/0003-use-embedded-sqlite-storage.md"), null);
    expect(old).toMatchObject({ number: 2, title: "Use PostgreSQL in Docker", status: "accepted", supersededBy: 3, date: "2026-09-10" });
    expect(old.decisionOutcome).toBe("Run PostgreSQL 15 in a Docker container beside every node.");
    expect(replacement).toMatchObject({ number: 3, supersedes: 2, supersededBy: null, consequences: "One writer per node; backups by file snapshot." });
  });

  it("names what it cannot read", () => {
    expect(() => parseAdr("no heading here", 1)).toThrow("no title");
    expect(() => parseAdr("# Title\n\n## Status\n\nMaybe\n", 1)).toThrow('unknown status "Maybe"');
    expect(() => parseAdr("# Title\n", 1)).toThrow("no date");
  });
});

const text = fc.stringMatching(/^[A-Za-z0-9 ,.;:'()<>=+\-\u4e00-\u9fa5]{1,40}$/).map((s) => s.trim()).filter((s) => s.length > 0);
const paragraph = fc.array(text, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n"));
const adrArb: fc.Arbitrary<AdrContent> = fc.record({
  number: fc.integer({ min: 1, max: 999 }),
  title: text,
  status: fc.constantFrom(...ADR_STATUSES),
  date: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  deciders: fc.uniqueArray(text.filter((s) => !s.includes(",")), { maxLength: 3 }),
  context: paragraph,
  decisionDrivers: fc.array(text, { maxLength: 3 }),
  consideredOptions: fc.uniqueArray(fc.record({ title: text, pros: fc.array(text, { maxLength: 2 }), cons: fc.array(text, { maxLength: 2 }) }), { selector: (o) => o.title, maxLength: 3 }),
  decisionOutcome: paragraph,
  consequences: paragraph,
  validation: paragraph,
  supersededBy: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
  supersedes: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
});

describe("MADR round trip", () => {
  it("reads back exactly what it wrote", () => {
    fc.assert(
      fc.property(adrArb, (adr) => {
        const markdown = toMadr(adr, (n) => `Decision ${n}`);
        expect(parseAdr(markdown, adr.number)).toEqual(adr);
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips the MADR fixture through the writer", () => {
    const adr = parseAdr(fixture("madr/0007-use-embedded-sqlite-storage.md"), 7);
    expect(parseAdr(toMadr(adr, () => "x"), 7)).toEqual(adr);
  });
});
