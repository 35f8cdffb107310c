import type { AdrContent, AdrStatus, ConsideredOption } from "./adr";
import { isLinkLine, refKey, refLabel, supersedeLinks, type AdrRef } from "./adr-links";
import { listValue, splitFrontMatter, textValue, type FrontValue } from "./front-matter";
import { unescapeBlock, unescapeLine } from "./madr-escape";
import { sectionFields } from "./madr-sections";
import { outlineOf, trimBlank, withoutComments } from "./markdown-outline";
import { readStatus } from "./status-table";

// Reads one ADR file as it is found in the wild: MADR 2 (status, deciders and date as list items
// under the title), MADR 3 and 4 (YAML front matter), adr-tools (`# N. Title`, `Date:`, a Status
// section) and log4brains (MADR 2 with `- Status:` lines, files named by date). What the file
// does not say is not invented: no date reads as unknown, no status as proposed, and every such
// assumption, and every piece of text moved to another field, is listed for the import report.

export class AdrParseError extends Error {
  override name = "AdrParseError";
}

export interface ReadAdr extends Omit<AdrContent, "number" | "supersededBy" | "supersedes"> {
  /** from the title (`# 3. Title`) or the file name; null when neither has one (log4brains) */
  number: number | null;
  supersededBy: AdrRef | null;
  supersedes: AdrRef | null;
  /** what was assumed or moved while reading, in the report's words */
  assumptions: string[];
}

const KNOWN_FRONT = new Set([
  "status",
  "imported-status",
  "date",
  "deciders",
  "decision-makers",
  "consulted",
  "informed",
  "superseded-by",
  "supersedes",
  "title",
]);
const META =
  /^\s*(?:[*+-]\s+)?(?:\*\*|__)?(status|date|deciders|decision[- ]makers|consulted|informed)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*?)\s*$/i;
/** a template's unfilled placeholder, `{…}` (MADR 3 and 4) or `[…]` (MADR 2) */
const PLACEHOLDER = /^(?:\{[^}]*\}|\[[^\]]*\])$/;

/** YYYY-MM-DD (a one-digit month or day, or a time after it, read too), or null when it is not a calendar date. */
export function readDate(value: string): string | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(value.trim());
  if (!match) return null;
  const iso = `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

export function readAdrText(markdown: string, fileNumber: number | null): ReadAdr {
  const assumptions: string[] = [];
  const { front, body } = splitFrontMatter(markdown.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const outline = outlineOf(withoutComments(body));
  const fields = front?.fields ?? new Map<string, FrontValue>();

  const titleText = outline.title ?? (textValue(fields.get("title")) || null);
  if (titleText === null) throw new AdrParseError("no title (a line starting with '# ')");
  if (outline.title === null) assumptions.push("no '# ' title line: the title is taken from the front matter");
  const numbered = /^(\d{1,4})\.\s+(.+)$/.exec(titleText);
  const title = unescapeLine(numbered ? numbered[2]! : titleText);
  const number = numbered ? Number(numbered[1]) : fileNumber;

  // MADR 2 and log4brains write their metadata as list items between the title and the first section
  const meta = new Map<string, string>();
  const preamble: string[] = [];
  const linkText: string[] = [];
  for (const line of outline.preamble) {
    const item = META.exec(line);
    const key = item?.[1]!.toLowerCase().replace(" ", "-");
    if (item && key && !meta.has(key)) {
      meta.set(key, item[2]!);
    } else if (isLinkLine(line)) linkText.push(line);
    else preamble.push(line);
  }
  const sections = sectionFields(outline.sections);
  linkText.push(...sections.linkText);

  const given = (frontKey: string, metaKey = frontKey): string | null => {
    const value = fields.has(frontKey) ? textValue(fields.get(frontKey)) : meta.get(metaKey);
    if (value === undefined || value === "") return null;
    if (PLACEHOLDER.test(value.trim())) {
      assumptions.push(`${frontKey} "${value.trim().slice(0, 80)}" is the template's placeholder: left out`);
      return null;
    }
    return value;
  };
  const names = (key: string) => {
    const value = fields.get(key);
    return Array.isArray(value) ? listValue(value) : listValue(given(key) ?? undefined);
  };
  const deciders = names("deciders");

  const statusGiven = given("status");
  if (statusGiven !== null) linkText.push(statusGiven);
  const statusText = statusGiven ?? sections.statusLine;
  let status: AdrStatus = "proposed";
  let importedStatus: string | null = null;
  if (statusText === null) assumptions.push("no status: imported as proposed");
  else {
    const read = readStatus(statusText);
    ({ status, importedStatus } = read);
    if (read.assumption) assumptions.push(read.assumption);
  }
  // a file this app wrote names the original status of an import beside ours
  if (importedStatus === null && fields.has("imported-status"))
    importedStatus = textValue(fields.get("imported-status")) || null;

  const dateText = given("date");
  const date = dateText === null ? null : readDate(dateText);
  if (dateText === null) assumptions.push("no date: imported as unknown");
  else if (date === null)
    assumptions.push(`date "${dateText.slice(0, 40)}" is not a date (YYYY-MM-DD): imported as unknown`);

  const links = supersedeLinks(linkText.join("\n"));
  const frontRef = (key: string): AdrRef[] => {
    const value = textValue(fields.get(key));
    if (/^\d+$/.test(value)) return [{ number: Number(value) }];
    return value === "" ? [] : supersedeLinks(`superseded by ${value}`).supersededBy.slice(0, 1);
  };
  const supersededBy = oneLink(
    [...frontRef("superseded-by"), ...links.supersededBy],
    number,
    "superseded by",
    assumptions,
  );
  const supersedes = oneLink([...frontRef("supersedes"), ...links.supersedes], number, "supersedes", assumptions);

  const unknownFront = [...fields.keys()].filter(
    (key) =>
      !KNOWN_FRONT.has(key) ||
      (key === "title" && outline.title !== null && textValue(fields.get(key)) !== outline.title),
  );
  if (unknownFront.length > 0) assumptions.push(`front matter not kept: ${unknownFront.join(", ")}`);
  if (front && front.unread.length > 0) assumptions.push(`front matter not read: ${front.unread.join(", ")}`);

  const leading = trimBlank(preamble).join("\n");
  if (leading !== "") assumptions.push("text between the title and the first section kept at the start of the context");
  const join = (parts: readonly string[]) => unescapeBlock(parts.filter((p) => p.trim() !== "").join("\n\n"));
  const consideredOptions: ConsideredOption[] = [
    ...[...new Set(sections.optionTitles)].map((optionTitle) => ({
      title: optionTitle,
      pros: [],
      cons: [],
      ...sections.options.get(optionTitle),
    })),
    ...sections.extraOptions,
  ].map((o) => ({ title: unescapeLine(o.title), pros: o.pros.map(unescapeLine), cons: o.cons.map(unescapeLine) }));
  return {
    number,
    title,
    status,
    importedStatus,
    date,
    deciders: deciders.length > 0 ? deciders : names("decision-makers"),
    consulted: names("consulted"),
    informed: names("informed"),
    context: join([leading, ...sections.context, ...sections.before]),
    decisionDrivers: sections.decisionDrivers.map(unescapeLine),
    consideredOptions,
    decisionOutcome: join([...sections.decisionOutcome, ...sections.after]),
    consequences: join(sections.consequences),
    validation: join(sections.validation),
    supersededBy,
    supersedes,
    assumptions: [...assumptions, ...sections.assumptions],
  };
}

/** The first link of a kind (a decision replaces, and is replaced by, one other here); the rest are named. */
function oneLink(refs: AdrRef[], own: number | null, kind: string, assumptions: string[]): AdrRef | null {
  const unique = [
    ...new Map(
      refs.filter((ref) => !("number" in ref && ref.number === own)).map((ref) => [refKey(ref), ref]),
    ).values(),
  ];
  if (unique.length > 1)
    assumptions.push(`"${kind}" names ${unique.map(refLabel).join(", ")}: only ${refLabel(unique[0]!)} is kept`);
  return unique[0] ?? null;
}

/** One of our own files (MADR as written by `toMadr`): links are numbers, and the number must be known. */
export function parseAdr(markdown: string, fileNumber: number | null): AdrContent {
  const read = readAdrText(markdown, fileNumber);
  if (read.number === null) throw new AdrParseError("no ADR number in the title or the file name");
  const numberOf = (ref: AdrRef | null) => (ref && "number" in ref ? ref.number : null);
  const { assumptions: _assumptions, ...content } = read;
  return {
    ...content,
    number: read.number,
    supersededBy: numberOf(read.supersededBy),
    supersedes: numberOf(read.supersedes),
  };
}
