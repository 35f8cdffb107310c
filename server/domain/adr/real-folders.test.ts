import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { numberAdrFiles, readAdrFiles, type ImportedAdr } from "./import";

// The decision folders of real projects, as their authors wrote them (fixtures/README.md says
// where each comes from): every file imports, with the numbers, titles, statuses, dates (or
// none) and supersede links the files state, and the report says what was assumed.

const folder = (project: string) => {
  const dir = path.join(import.meta.dirname, "fixtures", project);
  return readdirSync(dir).map((name) => ({ path: `${project}/${name}`, bytes: readFileSync(path.join(dir, name)) }));
};

function importFolder(project: string, taken: number[] = []) {
  const files = folder(project);
  const read = readAdrFiles(files);
  const placed = numberAdrFiles(read.adrs, taken);
  return { files, problems: [...read.problems, ...placed.problems], adrs: placed.adrs };
}

const row = (a: ImportedAdr) => [
  a.number,
  a.draft.title,
  a.status,
  a.importedStatus,
  a.draft.date,
  a.supersededBy,
  a.supersedes,
];
const h1 = (bytes: Uint8Array) =>
  /^# (.+)$/m.exec(new TextDecoder().decode(bytes).replace(/^---\n[\s\S]*?\n---\n/, ""))![1]!;

describe("adr/madr's own decisions (MADR 4, YAML front matter, numbered from 0000)", () => {
  const { files, problems, adrs } = importFolder("adr-madr");

  it("imports every file, ADR 0000 included, with its title, status and date as written or unknown", () => {
    expect(problems).toEqual([]);
    expect(adrs).toHaveLength(files.length);
    expect(adrs.map(row)).toEqual([
      [0, "Use Markdown Architectural Decision Records", "proposed", null, null, null, null],
      [1, "Dual License the Work", "proposed", null, null, null, null],
      [2, "Do Not Use Numbers in Headings", "proposed", null, null, null, null],
      [3, "Write Own MADR Tooling", "proposed", "on hold", null, null, null],
      [4, "Write Own TOC Tool", "proposed", null, null, null, null],
      [5, "Use Dashes in Filenames", "proposed", null, null, null, null],
      [6, "Use Names as Identifier", "proposed", null, null, null, null],
      [7, "Do Not Emphasize Line Headings", "proposed", null, null, null, null],
      [8, "Add Status Field", "proposed", null, null, null, null],
      [9, "Support Links To Other ADRs Inside an ADR", "proposed", null, null, null, null],
      [10, "Support Categories", "proposed", null, null, null, null],
      [11, "Use Asterisk as List Marker", "proposed", null, null, null, null],
      [12, "Use Curly Braces to Denote Placeholders", "proposed", null, null, null, null],
      [13, "Use YAML front matter for metadata", "proposed", null, null, null, null],
      [14, 'Allow "neutral" arguments', "proposed", null, null, null, null],
      [15, 'Include "Consulted" and "Informed" of RACI', "proposed", null, null, null, null],
      [16, "Outcome before Detailed Pros and Cons", "proposed", null, null, null, null],
      [17, "Use Same Format for Outcomes and Options", "proposed", null, null, null, null],
      [18, 'Use "Confirmation" as Heading', "proposed", null, null, null, null],
    ]);
  });

  it("says what it assumed: the status kept as written, no date, no status, fields it has no place for", () => {
    expect(adrs.find((a) => a.number === 3)!.assumptions).toEqual([
      'status "on hold" imported as proposed (the original is kept)',
      "no date: imported as unknown",
      "front matter not kept: parent, nav_order",
      'section "More Information" kept at the end of the decision outcome',
    ]);
    for (const adr of adrs) expect(adr.assumptions).toContain("no date: imported as unknown");
  });

  it("reads the sections of MADR 4 and leaves code blocks alone", () => {
    // 0008 shows "status: on hold" and a "# Write own MADR tooling" heading inside code blocks
    const statusField = adrs.find((a) => a.number === 8)!;
    expect(statusField.draft.title).toBe("Add Status Field");
    expect(statusField.draft.consideredOptions.map((o) => o.title)).toEqual([
      "Use YAML front matter",
      "Use badge",
      "Use text line",
      "Use separate heading",
      "Use table",
      "Do not add status",
    ]);
    expect(statusField.draft.decisionOutcome).toContain(
      "```markdown\n---\nparent: Decisions\nnav_order: 3\nstatus: on hold\n---\n# Write own MADR tooling\n```",
    );
    const confirmation = adrs.find((a) => a.number === 18)!;
    expect(confirmation.draft.decisionDrivers).toEqual(["Consistent with terms used in IT", "Common word"]);
    expect(confirmation.draft.validation).toMatch(/^\* Before next release; check that there is at least one example/);
    const licence = adrs.find((a) => a.number === 1)!;
    expect(licence.draft.consideredOptions.find((o) => o.title === "MIT")).toEqual({
      title: "MIT",
      pros: [
        "it [explicitly may be used for documentation](https://opensource.stackexchange.com/a/9545/5671)",
        "it is lean.",
      ],
      cons: [],
    });
    // an option listed with a link and detailed under its plain name is one option
    expect(licence.draft.consideredOptions[0]).toMatchObject({
      title: "[CC0](https://creativecommons.org/share-your-work/public-domain/cc0/)",
      pros: [expect.stringContaining("public domain")],
    });
    expect(licence.draft.decisionOutcome).toContain(
      "**Pros and Cons of the Options: Dual license with MIT and CC0**\n\nWith the SPDX identifier `MIT OR CC0-1.0`",
    );
  });
});

describe("JabRef's decisions (MADR 2 to 4 over the years, front matter, numbered from 0000)", () => {
  const { files, problems, adrs } = importFolder("jabref");
  const byNumber = (n: number) => adrs.find((a) => a.number === n)!;
  const dated: Record<number, [status: string, date: string | null]> = {
    42: ["accepted", null],
    45: ["superseded", null],
    47: ["accepted", "2025-07-31"],
    49: ["accepted", "2025-09-13"],
    57: ["accepted", null],
    61: ["accepted", "2026-05-27"],
  };

  it("imports every file, numbered 0 to 69, each with the title of its heading", () => {
    expect(problems).toEqual([]);
    expect(adrs.map((a) => a.number)).toEqual(Array.from({ length: 70 }, (_, i) => i));
    expect(adrs.map((a) => a.draft.title)).toEqual(files.map((f) => h1(f.bytes)).map((t) => t.trim()));
  });

  it("takes statuses and dates from the front matter where there are any, and assumes nothing else", () => {
    for (const adr of adrs) {
      const [status, date] = dated[adr.number] ?? ["proposed", null];
      expect([adr.number, adr.status, adr.draft.date]).toEqual([adr.number, status, date]);
      expect(adr.importedStatus).toBeNull();
      if (!dated[adr.number])
        expect(adr.assumptions.slice(0, 2)).toEqual([
          "no status: imported as proposed",
          "no date: imported as unknown",
        ]);
      if (date === null) expect(adr.assumptions).toContain("no date: imported as unknown");
    }
    expect(byNumber(47).draft.deciders).toEqual([
      "@ryan-carpenter",
      "@ThiloteE",
      "@SiedlerChr",
      "@callixtus",
      "@koppor",
    ]);
    expect(byNumber(13).draft.deciders).toEqual(["Oliver Kopp"]);
    expect(byNumber(49).assumptions).toContain("front matter not kept: title, nav_order, parent");
  });

  it("links ADR 0045 and ADR 0057 as the status lines say: superseded by ADR-0057, supersedes ADR-0045", () => {
    expect(row(byNumber(45))).toEqual([
      45,
      "Use `--input` Flag Consistently for Reading Input Files",
      "superseded",
      null,
      null,
      57,
      null,
    ]);
    expect(row(byNumber(57))).toEqual([
      57,
      "Allow a Positional Input File Argument for `jabkit` Commands",
      "accepted",
      null,
      null,
      null,
      45,
    ]);
    expect(adrs.filter((a) => a.supersededBy !== null || a.supersedes !== null).map((a) => a.number)).toEqual([45, 57]);
  });

  it("keeps MADR 2's positive and negative consequences, and the note above the first section", () => {
    const input = byNumber(45);
    expect(input.draft.context).toMatch(/^> \[!NOTE\]\n> This decision is \*\*superseded by/);
    expect(input.draft.consequences).toContain("**Positive Consequences**\n\n* Simplified command-line interface");
    expect(input.draft.consequences).toContain("**Negative Consequences**\n\n* Potential migration overhead");
    expect(input.draft.decisionOutcome).toContain("**Links**\n\n* [GitHub Discussion prompting this ADR]");
    expect(byNumber(57).draft.validation).toMatch(
      /^The shared `InputOption` mixin is used by every input-taking subcommand/,
    );
  });
});

describe("log4brains' decisions (files named by date, MADR 2 with list-item metadata)", () => {
  it("numbers the files after the engagement's last ADR, in date order, and links them by file name", () => {
    const { files, problems, adrs } = importFolder("log4brains", [1, 2, 7]);
    expect(problems).toEqual([]);
    expect(adrs).toHaveLength(files.length);
    expect(adrs.map(row)).toEqual([
      [8, "Use Markdown Architectural Decision Records", "accepted", null, "2020-09-24", null, null],
      [9, "Multi-packages architecture in a monorepo with Yarn and Lerna", "accepted", null, "2020-09-25", null, null],
      [10, "Use Prettier-ESLint Airbnb for the code style", "accepted", null, "2020-09-25", null, null],
      [11, "Use the ADR number as its unique ID", "superseded", null, "2020-09-26", 13, null],
      [12, "Avoid default exports", "accepted", null, "2020-09-27", null, null],
      [13, "Use the ADR slug as its unique ID", "accepted", null, "2020-10-16", null, 11],
      [
        14,
        "The core API is responsible for enhancing the ADR markdown body with MDX",
        "accepted",
        null,
        "2020-10-26",
        null,
        null,
      ],
      [15, "Use Lunr for search", "accepted", null, "2020-11-03", null, null],
      [16, "Distribute Log4brains as a global NPM package", "accepted", null, "2021-01-13", null, null],
    ]);
    expect(adrs[0]!.assumptions).toEqual(["numbered ADR-008: the file name carries a date, not a number (log4brains)"]);
    expect(adrs[8]!.draft.context).toMatch(
      /^Technical Story: <https:\/\/github.com\/thomvaill\/log4brains\/issues\/14#issuecomment-750154907>\n\nLog4brains \(`v1.0.0-beta.4`\) installation procedure/,
    );
    expect(adrs[8]!.assumptions).toContain(
      "text between the title and the first section kept at the start of the context",
    );
    // the "Supersedes" line of the Links section became the link, the rest of the section is kept
    expect(adrs[5]!.draft.decisionOutcome).not.toContain("Supersedes [20200926");
  });

  it("starts at ADR-001 in an empty engagement", () => {
    expect(importFolder("log4brains").adrs.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
