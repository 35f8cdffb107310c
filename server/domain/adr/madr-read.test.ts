import { describe, expect, it } from "vitest";
import { readAdrText, readDate } from "./madr-read";

// The shapes real ADR files take beyond the fixtures: MADR 2's list-item metadata, the templates'
// unfilled placeholders, comments, options written as subsections, more links than one.

describe("reading ADR files in the wild", () => {
  it("reads MADR 2 and log4brains metadata written as list items under the title", () => {
    const adr = readAdrText(
      "# Use Lunr\n\n* Status: approved\n* Deciders: Ada Lovelace, Grace Hopper <!-- optional -->\n- Date: " +
        "2021-1-5\n- Tags: search\n\nTechnical Story: #14\n\n## Context and Problem Statement\n\nWe need search.\n",
      12,
    );
    expect(adr).toMatchObject({
      number: 12,
      title: "Use Lunr",
      status: "accepted",
      importedStatus: "approved",
      date: "2021-01-05",
      deciders: ["Ada Lovelace", "Grace Hopper"],
      context: "- Tags: search\n\nTechnical Story: #14\n\nWe need search.",
    });
    expect(adr.assumptions).toEqual([
      'status "approved" imported as accepted (the original is kept)',
      "text between the title and the first section kept at the start of the context",
    ]);
  });

  it("takes a template's unfilled placeholders as absent, not as values", () => {
    const adr = readAdrText(
      '---\nstatus: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}"\ndate: ' +
        "'{YYYY-MM-DD when the decision was last updated}'\ndecision-makers: \"{list everyone involved in the " +
        'decision}"\n---\n# T\n',
      1,
    );
    expect(adr).toMatchObject({
      status: "proposed",
      importedStatus: null,
      date: null,
      deciders: [],
      supersededBy: null,
    });
    expect(adr.assumptions).toEqual([
      'status "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}" is the template\'s ' +
        "placeholder: left out",
      "no status: imported as proposed",
      'date "{YYYY-MM-DD when the decision was last updated}" is the template\'s placeholder: left out',
      "no date: imported as unknown",
      'decision-makers "{list everyone involved in the decision}" is the template\'s placeholder: left out',
    ]);
  });

  it("drops template comments but keeps a comment quoted in code", () => {
    const adr = readAdrText(
      "# T\n\n## Decision Drivers <!-- optional -->\n\n* a <!-- numbers of drivers can vary -->\n<!-- one\nmore " +
        "-->\n* b\n\n## Decision Outcome\n\nUse `<!-- option 1 -->`.\n\n```html\n<!-- kept -->\n## not a " +
        "section\n```\n",
      1,
    );
    expect(adr.decisionDrivers).toEqual(["a", "b"]);
    expect(adr.decisionOutcome).toBe("Use `<!-- option 1 -->`.\n\n```html\n<!-- kept -->\n## not a section\n```");
  });

  it("reads options written as subsections of Considered Options, each with its pros and cons", () => {
    const adr = readAdrText(
      "# T\n\n## Considered Options\n\n### Fuse.js\n\nFuzzy.\n\n- Good, because small\n- Bad: slow on big " +
        "logs\n- Neutral, because popular\n\n### Lunr.js\n\n- Pro: stemming\n",
      1,
    );
    expect(adr.consideredOptions).toEqual([
      { title: "Fuse.js", pros: ["small"], cons: ["slow on big logs"] },
      { title: "Lunr.js", pros: ["stemming"], cons: [] },
    ]);
    expect(adr.context).toBe("**Considered Options: Fuse.js**\n\nFuzzy.\n\n- Neutral, because popular");
    expect(adr.assumptions).toContain(
      'option "Fuse.js" is listed only under "Considered Options": added to the considered options',
    );
  });

  it("keeps one supersede link of each kind and names the others; a link to itself is none", () => {
    const adr = readAdrText(
      "---\nstatus: superseded by ADR-0009\nsuperseded-by: 8\n---\n# 7. T\n\n## Links\n\n* Supersedes " +
        "[ADR-0007](0007-t.md)\n* Supersedes [3. Old](0003-old.md)\n* Refined by [ADR-0010](0010-x.md)\n",
      7,
    );
    expect(adr).toMatchObject({
      status: "superseded",
      supersededBy: { number: 8 },
      supersedes: { number: 3 },
      context: "**Links**\n\n* Refined by [ADR-0010](0010-x.md)",
    });
    expect(adr.assumptions).toContain('"superseded by" names ADR 8, ADR 9: only ADR 8 is kept');
  });

  it("reads adr-tools' status section and log4brains' links by file name", () => {
    expect(
      readAdrText(
        "# 2. Old\n\nDate: 2026-09-10\n\n## Status\n\nSuperseded by [3. New](0003-new.md)\n\nAmended by [4. " +
          "X](0004-x.md)\n",
        null,
      ),
    ).toMatchObject({
      number: 2,
      status: "superseded",
      supersededBy: { number: 3 },
      context: "**Status**\n\nAmended by [4. X](0004-x.md)",
    });
    expect(readAdrText("# Old\n\n- Status: superseded by [20201016-new](20201016-new.md)\n", null)).toMatchObject({
      number: null,
      status: "superseded",
      importedStatus: null,
      supersededBy: { file: "20201016-new" },
    });
  });

  it("takes the title from the front matter when the file has no heading", () => {
    expect(readAdrText("---\ntitle: From the front matter\n---\nText only.\n", 3)).toMatchObject({
      title: "From the front matter",
      context: "Text only.",
    });
  });

  it("reads dates as written, or not at all", () => {
    expect(["2026-09-20", "2026-9-2", "2026-09-20T10:00:00Z", "2026-09-20 10:00"].map(readDate)).toEqual([
      "2026-09-20",
      "2026-09-02",
      "2026-09-20",
      "2026-09-20",
    ]);
    expect(["2026-02-30", "20.09.2026", "September 2026", "", "2026-13-01"].map(readDate)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
