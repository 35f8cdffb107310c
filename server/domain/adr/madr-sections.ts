import type { ConsideredOption } from "./adr";
import { isLinkLine } from "./adr-links";
import { listItems, sectionText, trimBlank, type Section } from "./markdown-outline";

// An ADR's sections mapped onto our fields, under the names MADR 2, 3 and 4, adr-tools and
// log4brains give them. Text with no field of its own (More Information, Links, an option's
// description or neutral points) is kept, under its heading in bold, at the end of the context
// when it comes before the decision outcome and at the end of the outcome otherwise; each such
// move is named for the import report.

type Kind = "context" | "drivers" | "options" | "outcome" | "consequences" | "confirmation" | "prosCons" | "status";

const KINDS: [Kind, RegExp][] = [
  ["context", /^(?:context(?: and problem(?: statement)?)?|problem statement|context and problem)$/],
  ["drivers", /^decision drivers?$/],
  ["options", /^(?:considered (?:options|alternatives)|(?:options|alternatives)(?: considered)?)$/],
  ["outcome", /^(?:decision outcome|decision|outcome)$/],
  ["consequences", /^(?:(?:positive |negative )?consequences)$/],
  ["confirmation", /^(?:confirmation|validation|verification)$/],
  ["prosCons", /^pros and cons(?: of the (?:options|alternatives))?$/],
  ["status", /^status$/],
];

function kindOf(heading: string): Kind | null {
  const name = heading
    .replace(/[*_`]/g, "")
    .replace(/^\d+(?:\.\d+)*\.?\s+/, "")
    .replace(/[:.]\s*$/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
  return KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? null;
}

export interface SectionFields {
  context: string[];
  decisionDrivers: string[];
  optionTitles: string[];
  options: Map<string, { pros: string[]; cons: string[] }>;
  /** options that appear only under "Pros and Cons of the Options" */
  extraOptions: ConsideredOption[];
  decisionOutcome: string[];
  consequences: string[];
  validation: string[];
  /** the first line of a "Status" section (adr-tools), and the lines that state its links */
  statusLine: string | null;
  linkText: string[];
  /** text kept at the end of the context and of the outcome */
  before: string[];
  after: string[];
  assumptions: string[];
}

const bold = (heading: string, body: string) => `**${heading}**\n\n${body}`;
const text = (lines: readonly string[]) => trimBlank(lines).join("\n");

const GOOD = /^(?:good|pro)\s*[,:]\s*(?:because\s+)?(\S.*)$/i;
const BAD = /^(?:bad|con)\s*[,:]\s*(?:because\s+)?(\S.*)$/i;

/** Plain words of a title, to match "[MADR](…) 4.0.0" with "MADR 4.0.0" or quotes and case that differ. */
const plain = (title: string) =>
  title
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const prefixOf = (a: string, b: string) => a !== "" && b !== "" && (a.startsWith(`${b} `) || b.startsWith(`${a} `));

/**
 * Which listed option each "Pros and Cons" subsection is about (-1: none): the same title, the
 * same words, one title a shortened form of the other (when only one fits), and last, the ones
 * left over in the order MADR writes them both, when as many are left of each.
 */
export function matchOptions(titles: readonly string[], headings: readonly string[]): number[] {
  const matches = headings.map(() => -1);
  const taken = new Set<number>();
  const passes: { same: (title: string, heading: string) => boolean; unique: boolean }[] = [
    { same: (t, h) => t === h, unique: false },
    { same: (t, h) => plain(t) === plain(h), unique: false },
    { same: (t, h) => prefixOf(plain(t), plain(h)), unique: true },
  ];
  for (const { same, unique } of passes) {
    headings.forEach((heading, h) => {
      if (matches[h]! >= 0) return;
      const fits = titles.flatMap((title, t) => (!taken.has(t) && same(title, heading) ? [t] : []));
      if (fits.length === 0 || (unique && fits.length > 1)) return;
      matches[h] = fits[0]!;
      taken.add(fits[0]!);
    });
  }
  const freeHeadings = headings.flatMap((_, h) => (matches[h]! < 0 ? [h] : []));
  const freeTitles = titles.flatMap((_, t) => (taken.has(t) ? [] : [t]));
  if (freeHeadings.length === freeTitles.length) freeHeadings.forEach((h, i) => (matches[h] = freeTitles[i]!));
  return matches;
}

interface Kept {
  heading: string;
  body: string;
}

export function sectionFields(sections: readonly Section[]): SectionFields {
  const out: SectionFields = {
    context: [],
    decisionDrivers: [],
    optionTitles: [],
    options: new Map(),
    extraOptions: [],
    decisionOutcome: [],
    consequences: [],
    validation: [],
    statusLine: null,
    linkText: [],
    before: [],
    after: [],
    assumptions: [],
  };
  // kept text in file order; a pros-and-cons group holds its place until every option is listed
  const kept: (Kept & { afterOutcome: boolean })[] = [];
  const groups: { heading: string; children: Section[]; afterOutcome: boolean; at: number }[] = [];
  let seenOutcome = false;
  const keep = (heading: string, body: string) => kept.push({ heading, body, afterOutcome: seenOutcome });
  const visit = (section: Section) => {
    const kind = kindOf(section.heading);
    if (kind === "outcome") seenOutcome = true;
    const body = text(section.lines);
    switch (kind) {
      case "context":
        out.context.push(body);
        break;
      case "drivers":
      case "options": {
        const { items, rest } = listItems(section.lines);
        (kind === "drivers" ? out.decisionDrivers : out.optionTitles).push(...items.map((i) => i.text));
        keep(section.heading, text(rest));
        // options written as subsections, each with its pros and cons
        if (kind === "options" && section.children.length > 0) {
          groups.push({
            heading: section.heading,
            children: section.children,
            afterOutcome: seenOutcome,
            at: kept.length,
          });
          return;
        }
        break;
      }
      case "outcome":
        out.decisionOutcome.push(body);
        break;
      case "consequences":
        out.consequences.push(
          /^consequences$/i.test(section.heading.trim()) || body === "" ? body : bold(section.heading, body),
        );
        break;
      case "confirmation":
        out.validation.push(body);
        break;
      case "status": {
        const lines = trimBlank(section.lines);
        out.statusLine = lines[0]?.trim() ?? null;
        out.linkText.push(...lines);
        keep(section.heading, text(lines.slice(1).filter((line) => !isLinkLine(line))));
        break;
      }
      case "prosCons":
        keep(section.heading, body);
        groups.push({
          heading: section.heading,
          children: section.children,
          afterOutcome: seenOutcome,
          at: kept.length,
        });
        return;
      default:
        out.linkText.push(...section.lines.filter(isLinkLine));
        keep(section.heading, sectionText({ ...section, lines: section.lines.filter((line) => !isLinkLine(line)) }));
        return;
    }
    for (const child of section.children) visit(child);
  };
  for (const section of sections) visit(section);
  for (const group of groups.reverse()) {
    const described = readProsAndCons(out, group.children, group.heading);
    kept.splice(group.at, 0, ...described.map((d) => ({ ...d, afterOutcome: group.afterOutcome })));
  }
  for (const { heading, body, afterOutcome } of kept) {
    if (body.trim() === "") continue;
    (afterOutcome ? out.after : out.before).push(bold(heading, body));
    out.assumptions.push(
      `section "${heading}" kept at the end of the ${afterOutcome ? "decision outcome" : "context"}`,
    );
  }
  return out;
}

/** Each option's Good and Bad points; what else its subsection says is returned to be kept as text. */
function readProsAndCons(out: SectionFields, children: Section[], heading: string): Kept[] {
  const titles = out.optionTitles;
  const matches = matchOptions(
    titles,
    children.map((c) => c.heading),
  );
  return children.map((child, index): Kept => {
    const { items } = listItems(child.lines);
    const pros: string[] = [];
    const cons: string[] = [];
    const used = new Set<number>();
    for (const item of items) {
      const good = GOOD.exec(item.text);
      const bad = BAD.exec(item.text);
      if (good) pros.push(good[1]!.trim());
      if (bad && !good) cons.push(bad[1]!.trim());
      if (good || bad) item.lines.forEach((_, i) => used.add(item.from + i));
    }
    const match = matches[index]!;
    if (match >= 0) out.options.set(titles[match]!, { pros, cons });
    else if (pros.length + cons.length > 0) {
      out.extraOptions.push({ title: child.heading, pros, cons });
      out.assumptions.push(
        `option "${child.heading}" is listed only under "${heading}": added to the considered options`,
      );
    }
    const listed = match >= 0 || pros.length + cons.length > 0;
    return {
      heading: `${heading}: ${child.heading}`,
      body: listed ? text(child.lines.filter((_, i) => !used.has(i))) : sectionText(child),
    };
  });
}
