import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adrFilename,
  adrLabel,
  ADR_STATUSES,
  nextAdrNumber,
  slugify,
  statusChangeProblem,
  type AdrContent,
} from "./adr";
import { numberFromFilename, toMadr } from "./madr";
import { parseAdr, readAdrText } from "./madr-read";

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
    expect(numberFromFilename("docs/decisions/0000-use-markdown-architectural-decision-records.md")).toBe(0);
    expect(adrLabel(0)).toBe("ADR-000");
    expect(adrFilename(0, "Use MADR")).toBe("0000-use-madr.md");
    expect(nextAdrNumber([0])).toBe(1);
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
      importedStatus: null,
      date: "2026-09-20",
      deciders: ["Nora Lindqvist", "Wang Lei"],
      consulted: ["Eastbank operations"],
      informed: ["Eastbank architecture board"],
      decisionDrivers: ["start-up latency below 50 ms", "no extra service for the bank to operate"],
      supersededBy: null,
    });
    expect(adr.consideredOptions).toEqual([
      {
        title: "Embedded SQLite",
        pros: ["start-up latency < 50 ms", "no extra service to operate"],
        cons: ["single writer"],
      },
      {
        title: "PostgreSQL + Docker",
        pros: ["concurrent writers"],
        cons: ["another service to run", "slow cold start"],
      },
    ]);
    expect(adr.decisionOutcome).toContain('Chosen option: "Embedded SQLite"');
    expect(adr.validation).toContain("BenchmarkColdStart");
    expect(adr.context).not.toContain("optional element");
  });

  it("reads adr-tools files and their supersede links both ways", () => {
    const old = parseAdr(fixture("adr-tools/0002-use-postgresql-in-docker.md"), null);
    const replacement = parseAdr(fixture("adr-tools/0003-use-embedded-sqlite-storage.md"), null);
    expect(old).toMatchObject({
      number: 2,
      title: "Use PostgreSQL in Docker",
      status: "accepted",
      supersededBy: 3,
      date: "2026-09-10",
    });
    expect(old.decisionOutcome).toBe("Run PostgreSQL 15 in a Docker container beside every node.");
    expect(replacement).toMatchObject({
      number: 3,
      supersedes: 2,
      supersededBy: null,
      consequences: "One writer per node; backups by file snapshot.",
    });
  });

  it("refuses a file without a title; reads an unknown status and a missing date, saying what it assumed", () => {
    expect(() => parseAdr("no heading here", 1)).toThrow("no title");
    expect(() => parseAdr("# Title\n", null)).toThrow("no ADR number");
    // a status outside ours and a missing date no longer refuse the file: they are read and reported
    expect(readAdrText("# Title\n\n## Status\n\nMaybe\n", 1)).toMatchObject({
      status: "proposed",
      importedStatus: "Maybe",
      date: null,
      assumptions: [
        'status "Maybe" is not one we know: imported as proposed (the original is kept)',
        "no date: imported as unknown",
      ],
    });
    expect(readAdrText("# Title\n\nDate: 2026-02-30\n", 1)).toMatchObject({
      date: null,
      assumptions: [
        "no status: imported as proposed",
        'date "2026-02-30" is not a date (YYYY-MM-DD): imported as unknown',
      ],
    });
  });
});

const text = fc
  .stringMatching(/^[A-Za-z0-9 ,.;:'()<>=+\-\u4e00-\u9fa5]{1,40}$/)
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const paragraph = fc.array(text, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n"));
const names = fc.uniqueArray(
  text.filter((s) => !s.includes(",")),
  { maxLength: 3 },
);
const adrArb: fc.Arbitrary<AdrContent> = fc
  .record({
    number: fc.integer({ min: 0, max: 999 }),
    title: text,
    status: fc.constantFrom(...ADR_STATUSES),
    importedStatus: fc.option(
      fc.constantFrom("on hold", "draft", "approved", "replaced by ADR-0004", '"quoted" # not a comment'),
      { nil: null },
    ),
    date: fc.option(
      fc
        .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: null },
    ),
    deciders: names,
    consulted: names,
    informed: names,
    context: paragraph,
    decisionDrivers: fc.array(text, { maxLength: 3 }),
    consideredOptions: fc.uniqueArray(
      fc.record({ title: text, pros: fc.array(text, { maxLength: 2 }), cons: fc.array(text, { maxLength: 2 }) }),
      { selector: (o) => o.title, maxLength: 3 },
    ),
    decisionOutcome: paragraph,
    consequences: paragraph,
    validation: paragraph,
    supersededBy: fc.option(fc.integer({ min: 0, max: 999 }), { nil: null }),
    supersedes: fc.option(fc.integer({ min: 0, max: 999 }), { nil: null }),
  })
  .filter((adr) => adr.supersededBy !== adr.number && adr.supersedes !== adr.number);

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

  it("reads back text that looks like markdown structure: headings, fences, comments, links, metadata lines", () => {
    const tricky = fc.constantFrom(
      "## Decision Outcome",
      "### Consequences",
      "```",
      "~~~ js",
      "<!-- a note -->",
      "`<!-- code -->`",
      "* Good, because x",
      "Status: accepted",
      "Superseded by [ADR-003](0003-x.md)",
      "# 12. Title",
      "   ## indented",
      "Date: 2020-01-01",
    );
    const line = fc.oneof(text, tricky);
    const block = fc
      .array(line, { minLength: 1, maxLength: 6 })
      .map((lines) => lines.join("\n").trim())
      .filter((s) => s !== "");
    const single = fc.oneof(
      text,
      fc.constantFrom("Use C #", "12. Twelve", "<!-- x --> y", "## not a heading", "Good, because z", "because it is"),
    );
    const trickyArb = adrArb.chain((adr) =>
      fc
        .record({
          title: single,
          context: block,
          decisionOutcome: block,
          consequences: block,
          validation: block,
          drivers: fc.array(single, { maxLength: 2 }),
          pro: single,
        })
        .map((t) => ({
          ...adr,
          title: t.title,
          context: t.context,
          decisionOutcome: t.decisionOutcome,
          consequences: t.consequences,
          validation: t.validation,
          decisionDrivers: t.drivers,
          consideredOptions: adr.consideredOptions.map((o) => ({ ...o, pros: [...o.pros, t.pro] })),
        })),
    );
    fc.assert(
      fc.property(trickyArb, (adr) => {
        expect(
          parseAdr(
            toMadr(adr, (n) => `Decision ${n}`),
            adr.number,
          ),
        ).toEqual(adr);
      }),
      { numRuns: 300 },
    );
  });

  it("writes what it has and leaves out what it does not: no date line for an unknown date", () => {
    const adr = parseAdr(fixture("madr/0007-use-embedded-sqlite-storage.md"), 7);
    const unknown = toMadr({ ...adr, date: null, importedStatus: "on hold", status: "proposed" }, () => "x");
    expect(unknown).not.toContain("date:");
    expect(unknown).toContain('status: proposed\nimported-status: "on hold"\n');
    expect(unknown).toContain('consulted: ["Eastbank operations"]\ninformed: ["Eastbank architecture board"]');
    expect(toMadr({ ...adr, consulted: [], informed: [] }, () => "x")).not.toMatch(/consulted|informed/);
  });

  it("round-trips the MADR fixture through the writer", () => {
    const adr = parseAdr(fixture("madr/0007-use-embedded-sqlite-storage.md"), 7);
    expect(
      parseAdr(
        toMadr(adr, () => "x"),
        7,
      ),
    ).toEqual(adr);
  });
});
