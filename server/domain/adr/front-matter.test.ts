import { describe, expect, it } from "vitest";
import { listValue, splitFrontMatter } from "./front-matter";

describe("YAML front matter as ADR files write it", () => {
  it("reads flat values, quoted strings, flow and block lists, and comments", () => {
    const text = [
      "---",
      "# These are optional elements. Feel free to remove any of them.",
      "status: accepted",
      'date: "2025-07-31"',
      'decision-makers: "@ryan-carpenter, @ThiloteE"',
      "consulted: [Eastbank operations, \"Wang, Lei\", 'O''Neil']",
      "informed:",
      "  - architecture board",
      '  - "ops # not a comment"',
      "nav_order: 0032 # a comment",
      "title: Use `BibEntry.getId`: for indexing",
      "---",
      "# Title",
    ].join("\n");
    const { front, body } = splitFrontMatter(text);
    expect(body).toBe("# Title");
    expect(Object.fromEntries(front!.fields)).toEqual({
      status: "accepted",
      date: "2025-07-31",
      "decision-makers": "@ryan-carpenter, @ThiloteE",
      consulted: ["Eastbank operations", "Wang, Lei", "O'Neil"],
      informed: ["architecture board", "ops # not a comment"],
      nav_order: "0032",
      title: "Use `BibEntry.getId`: for indexing",
    });
    expect(front!.unread).toEqual([]);
    expect(listValue(front!.fields.get("decision-makers"))).toEqual(["@ryan-carpenter", "@ThiloteE"]);
  });

  it("reads block scalars and names what it does not take apart instead of guessing", () => {
    const { front } = splitFrontMatter(
      "---\nstatus: |\n  proposed\n  draft\nlinks:\n  parent: 0003\n  child: 0005\n&anchor value\n---\n# T\n",
    );
    expect(front!.fields.get("status")).toBe("proposed\ndraft");
    expect(front!.unread).toEqual(["links", "&anchor value"]);
  });

  it("leaves a file without a closed front matter block as it is", () => {
    expect(splitFrontMatter("# Title\n\n---\n").front).toBeNull();
    expect(splitFrontMatter("---\nstatus: accepted\n# Title\n").front).toBeNull();
    expect(splitFrontMatter("---\r\nstatus: accepted\r\n---\r\n".replace(/\r/g, "")).front!.fields.get("status")).toBe(
      "accepted",
    );
  });

  it("looks at a bounded number of lines", () => {
    const long = ["---", ...Array.from({ length: 300 }, (_, i) => `key${i}: ${i}`), "---", "# T"].join("\n");
    expect(splitFrontMatter(long).front).toBeNull();
    const many = ["---", ...Array.from({ length: 100 }, (_, i) => `key${i}: ${i}`), "---", "# T"].join("\n");
    const { front } = splitFrontMatter(many);
    expect(front!.fields.size).toBe(64);
    expect(front!.unread).toHaveLength(36);
  });
});
