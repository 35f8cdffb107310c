import { ADR_STATUSES, adrFilename, type AdrContent, type AdrStatus, type ConsideredOption } from "./adr";

// MADR markdown (template 3.0.0: YAML front matter with status, date and deciders; sections
// Context and Problem Statement, Decision Drivers, Considered Options, Decision Outcome with
// Consequences and Confirmation, Pros and Cons of the Options) and adr-tools' format
// (`# N. Title`, Date, `## Status` with "Superseded by [...]" lines, Context, Decision,
// Consequences). Writing produces MADR; reading accepts both. What is written reads back equal.

const FILE_LINK = /\[(?:ADR-)?0*(\d+)[^\]]*\]\((?:\.\/)?0*\d+-[^)]*\.md\)/;

function list(items: readonly string[]): string {
  return items.map((item) => `* ${item}`).join("\n");
}

/** Multi-line text kept as it is; a block that starts like a heading is indented so it stays text. */
function block(text: string): string {
  return text.replace(/^(#+ )/gm, "\\$1");
}

function unblock(text: string): string {
  return text.replace(/^\\(#+ )/gm, "$1");
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

export function toMadr(adr: AdrContent, titleOf: (number: number) => string): string {
  const front = [
    "---",
    `status: ${adr.status}`,
    `date: ${adr.date}`,
    `deciders: [${adr.deciders.map(yamlString).join(", ")}]`,
    ...(adr.supersededBy !== null ? [`superseded-by: ${adr.supersededBy}`] : []),
    ...(adr.supersedes !== null ? [`supersedes: ${adr.supersedes}`] : []),
    "---",
  ].join("\n");
  const link = (n: number) => `[ADR-${String(n).padStart(3, "0")}](${adrFilename(n, titleOf(n))})`;
  const sections = [
    `# ${adr.title}`,
    ...(adr.supersededBy !== null ? [`Superseded by ${link(adr.supersededBy)}`] : []),
    ...(adr.supersedes !== null ? [`Supersedes ${link(adr.supersedes)}`] : []),
    `## Context and Problem Statement\n\n${block(adr.context)}`,
    `## Decision Drivers\n\n${list(adr.decisionDrivers)}`,
    `## Considered Options\n\n${list(adr.consideredOptions.map((o) => o.title))}`,
    `## Decision Outcome\n\n${block(adr.decisionOutcome)}`,
    `### Consequences\n\n${block(adr.consequences)}`,
    `### Confirmation\n\n${block(adr.validation)}`,
    `## Pros and Cons of the Options\n\n${adr.consideredOptions
      .map((o) => [`### ${o.title}`, ...o.pros.map((p) => `* Good, because ${p}`), ...o.cons.map((c) => `* Bad, because ${c}`)].join("\n\n"))
      .join("\n\n")}`,
  ];
  return `${front}\n\n${sections.join("\n\n")}\n`;
}

export class AdrParseError extends Error {
  override name = "AdrParseError";
}

interface Section {
  level: number;
  heading: string;
  body: string;
}

function sectionsOf(markdown: string): { preamble: string; sections: Section[] } {
  const lines = markdown.split(/\r?\n/);
  const sections: Section[] = [];
  const preamble: string[] = [];
  let current: { level: number; heading: string; lines: string[] } | null = null;
  for (const line of lines) {
    const heading = /^(#{2,3}) (.+?)\s*$/.exec(line);
    if (heading) {
      if (current) sections.push({ level: current.level, heading: current.heading, body: current.lines.join("\n").trim() });
      current = { level: heading[1]!.length, heading: heading[2]!, lines: [] };
    } else if (current) current.lines.push(line);
    else preamble.push(line);
  }
  if (current) sections.push({ level: current.level, heading: current.heading, body: current.lines.join("\n").trim() });
  return { preamble: preamble.join("\n"), sections };
}

const items = (body: string) =>
  body
    .split("\n")
    .map((l) => /^[*-] (.*)$/.exec(l.trim())?.[1])
    .filter((l): l is string => l !== undefined);

function statusOf(text: string): AdrStatus {
  const word = text.trim().split(/\s+/)[0]?.toLowerCase().replace(/[^a-z]/g, "") ?? "";
  if ((ADR_STATUSES as readonly string[]).includes(word)) return word as AdrStatus;
  throw new AdrParseError(`unknown status "${text.trim()}"`);
}

function parseFrontMatter(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^([\w-]+):\s*(.*)$/.exec(line.trim());
    if (match) fields[match[1]!] = match[2]!;
  }
  return fields;
}

function parseYamlList(value: string | undefined): string[] {
  if (!value) return [];
  const inner = /^\[(.*)\]$/.exec(value.trim())?.[1];
  if (inner === undefined) return value.split(",").map((v) => v.trim()).filter(Boolean);
  const out: string[] = [];
  for (const match of inner.matchAll(/\s*(?:"((?:[^"\\]|\\.)*)"|([^,]+))/g)) {
    out.push(match[1] !== undefined ? (JSON.parse(`"${match[1]}"`) as string) : match[2]!.trim());
  }
  return out.filter((v) => v !== "");
}

/** Reads one ADR file (MADR or adr-tools); `number` comes from the file name when the text lacks it. */
export function parseAdr(markdown: string, fileNumber: number | null): AdrContent {
  // template comments are guidance, not content
  let text = markdown.replace(/^\uFEFF/, "").replace(/<!--[\s\S]*?-->\n?/g, "");
  let front: Record<string, string> = {};
  const frontMatch = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (frontMatch) {
    front = parseFrontMatter(frontMatch[1]!);
    text = text.slice(frontMatch[0].length);
  }
  const { preamble, sections } = sectionsOf(text);
  const titleLine = /^# (?:(\d+)\. )?(.+?)\s*$/m.exec(preamble);
  if (!titleLine) throw new AdrParseError("no title (a line starting with '# ')");
  const number = titleLine[1] ? Number(titleLine[1]) : fileNumber;
  if (!number) throw new AdrParseError("no ADR number in the title or the file name");
  const find = (...names: string[]) => sections.find((s) => names.some((n) => s.heading.toLowerCase() === n.toLowerCase()));

  const statusSection = find("Status");
  const status = statusOf(front.status ?? statusSection?.body ?? "proposed");
  const linkNumber = (pattern: RegExp, where: string) => {
    const line = where.split("\n").find((l) => pattern.test(l));
    const match = line ? FILE_LINK.exec(line) : null;
    return match ? Number(match[1]) : null;
  };
  const preambleAndStatus = `${preamble}\n${statusSection?.body ?? ""}`;
  const supersededBy = front["superseded-by"] ? Number(front["superseded-by"]) : linkNumber(/superseded by/i, `${front.status ?? ""}\n${preambleAndStatus}`);
  const supersedes = front.supersedes ? Number(front.supersedes) : linkNumber(/^\s*supersedes/i, preambleAndStatus);
  const date = front.date ?? /^Date:\s*(\d{4}-\d{2}-\d{2})/m.exec(preamble)?.[1];
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new AdrParseError("no date (YYYY-MM-DD)");

  const optionTitles = items(find("Considered Options")?.body ?? "");
  const prosCons = sections.filter((s, i) => s.level === 3 && sections.slice(0, i).some((p) => p.level === 2 && /^pros and cons/i.test(p.heading)));
  const consideredOptions: ConsideredOption[] = optionTitles.map((title) => {
    const details = prosCons.find((s) => s.heading === title);
    const points = items(details?.body ?? "");
    return {
      title,
      pros: points.filter((p) => p.startsWith("Good, because ")).map((p) => p.slice("Good, because ".length)),
      cons: points.filter((p) => p.startsWith("Bad, because ")).map((p) => p.slice("Bad, because ".length)),
    };
  });
  return {
    number,
    title: titleLine[2]!,
    status,
    date,
    deciders: parseYamlList(front.deciders ?? front["decision-makers"]),
    context: unblock(find("Context and Problem Statement", "Context")?.body ?? ""),
    decisionDrivers: items(find("Decision Drivers")?.body ?? ""),
    consideredOptions,
    decisionOutcome: unblock(find("Decision Outcome", "Decision")?.body ?? ""),
    consequences: unblock(find("Consequences")?.body ?? ""),
    validation: unblock(find("Confirmation", "Validation")?.body ?? ""),
    supersededBy,
    supersedes,
  };
}

/** The ADR number a file name carries (`0007-use-sqlite.md` -> 7), or null. */
export function numberFromFilename(name: string): number | null {
  const match = /(?:^|\/)(\d{1,4})-[^/]*\.md$/i.exec(name);
  return match ? Number(match[1]) : null;
}

/** An engagement's ADRs as MADR files named as adr-tools and log4brains name them. */
export function madrFiles(adrs: readonly AdrContent[]): { name: string; content: string }[] {
  const titles = new Map(adrs.map((a) => [a.number, a.title]));
  const titleOf = (n: number) => titles.get(n) ?? `decision ${n}`;
  return adrs.map((adr) => ({ name: adrFilename(adr.number, adr.title), content: toMadr(adr, titleOf) }));
}
