import { adrFilename, type AdrContent } from "./adr";
import { escapeBlock, escapeLine, escapeTitle } from "./madr-escape";

// Writing MADR (template 3.0.0: YAML front matter with status, date, deciders, consulted and
// informed; sections Context and Problem Statement, Decision Drivers, Considered Options,
// Decision Outcome with Consequences and Confirmation, Pros and Cons of the Options). A field
// the ADR does not have is left out, never filled in: an unknown date writes no `date:`. A status
// an import kept as written goes beside ours as `imported-status`. What is written reads back
// equal (madr-read.ts).

function list(items: readonly string[]): string {
  return items.map((item) => `* ${escapeLine(item)}`).join("\n");
}

const yamlList = (values: readonly string[]) => `[${values.map((value) => JSON.stringify(value)).join(", ")}]`;

export function toMadr(adr: AdrContent, titleOf: (number: number) => string): string {
  const front = [
    "---",
    `status: ${adr.status}`,
    ...(adr.importedStatus !== null ? [`imported-status: ${JSON.stringify(adr.importedStatus)}`] : []),
    ...(adr.date !== null ? [`date: ${adr.date}`] : []),
    `deciders: ${yamlList(adr.deciders)}`,
    ...(adr.consulted.length > 0 ? [`consulted: ${yamlList(adr.consulted)}`] : []),
    ...(adr.informed.length > 0 ? [`informed: ${yamlList(adr.informed)}`] : []),
    ...(adr.supersededBy !== null ? [`superseded-by: ${adr.supersededBy}`] : []),
    ...(adr.supersedes !== null ? [`supersedes: ${adr.supersedes}`] : []),
    "---",
  ].join("\n");
  const link = (n: number) => `[ADR-${String(n).padStart(3, "0")}](${adrFilename(n, titleOf(n))})`;
  const sections = [
    `# ${escapeTitle(adr.title)}`,
    ...(adr.supersededBy !== null ? [`Superseded by ${link(adr.supersededBy)}`] : []),
    ...(adr.supersedes !== null ? [`Supersedes ${link(adr.supersedes)}`] : []),
    `## Context and Problem Statement\n\n${escapeBlock(adr.context)}`,
    `## Decision Drivers\n\n${list(adr.decisionDrivers)}`,
    `## Considered Options\n\n${list(adr.consideredOptions.map((o) => o.title))}`,
    `## Decision Outcome\n\n${escapeBlock(adr.decisionOutcome)}`,
    `### Consequences\n\n${escapeBlock(adr.consequences)}`,
    `### Confirmation\n\n${escapeBlock(adr.validation)}`,
    `## Pros and Cons of the Options\n\n${adr.consideredOptions
      .map((o) =>
        [
          `### ${escapeLine(o.title)}`,
          ...o.pros.map((p) => `* Good, because ${escapeLine(p)}`),
          ...o.cons.map((c) => `* Bad, because ${escapeLine(c)}`),
        ].join("\n\n"),
      )
      .join("\n\n")}`,
  ];
  return `${front}\n\n${sections.join("\n\n")}\n`;
}

/** The ADR number a file name carries (`0007-use-sqlite.md` -> 7, `0000-…` -> 0), or null. */
export function numberFromFilename(name: string): number | null {
  const match = /(?:^|\/)(\d{1,4})-[^/]*\.md$/i.exec(name);
  return match ? Number(match[1]) : null;
}

/** An engagement's ADRs as MADR files named as adr-tools names them. */
export function madrFiles(adrs: readonly AdrContent[]): { name: string; content: string }[] {
  const titles = new Map(adrs.map((a) => [a.number, a.title]));
  const titleOf = (n: number) => titles.get(n) ?? `decision ${n}`;
  return adrs.map((adr) => ({ name: adrFilename(adr.number, adr.title), content: toMadr(adr, titleOf) }));
}
