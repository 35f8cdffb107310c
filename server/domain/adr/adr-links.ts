// Supersede links as ADR files state them: "Superseded by [3. Title](0003-title.md)" (adr-tools),
// "superseded by [20201016-slug](20201016-slug.md)" (log4brains), "superseded by ADR-0057" or
// "accepted; supersedes ADR-0045" (MADR status text), "Replaced by …". A link names another ADR
// by number, or by its file when the file name carries a date instead (log4brains).

export type AdrRef = { number: number } | { file: string };

export interface SupersedeLinks {
  supersededBy: AdrRef[];
  supersedes: AdrRef[];
}

const NUMBERED = /^0*(\d{1,4})-[^/]*\.md$/i;
const DATE_NAMED = /^((\d{4})(\d{2})(\d{2})-[^/]+?)(?:\.md)?$/i;

/** A file name as log4brains writes it (`20201016-use-the-slug.md`), the slug without `.md`, or null. */
export function dateNamedSlug(name: string): string | null {
  const match = DATE_NAMED.exec(name);
  if (!match) return null;
  const [, slug, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? slug! : null;
}

function targetRef(target: string): AdrRef | null {
  const name = decodeURIComponentSafe(
    target
      .replace(/[#?].*$/, "")
      .split("/")
      .pop() ?? "",
  );
  const numbered = NUMBERED.exec(name);
  if (numbered) return { number: Number(numbered[1]) };
  const slug = dateNamedSlug(name);
  return slug ? { file: slug } : null;
}

function labelRef(label: string): AdrRef | null {
  const text = label.replace(/[*_`]/g, "").trim();
  const number = /^(?:ADR[- ]?)?0*(\d{1,4})\b/i.exec(text);
  if (number) return { number: Number(number[1]) };
  const slug = dateNamedSlug(text);
  return slug ? { file: slug } : null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const REF = /^[\s:*_]*(?:\[([^\]]*)\]\(\s*<?([^)\s>]+)>?[^)]*\)|ADR[- ]?(\d{1,4})\b|(\d{1,4})\b)/i;

/** The ADR named right after a keyword: a markdown link (its target, else its label), "ADR-N" or a number. */
function refAt(text: string): AdrRef | null {
  const match = REF.exec(text);
  if (!match) return null;
  if (match[2] !== undefined) return targetRef(match[2]) ?? labelRef(match[1]!);
  return { number: Number(match[3] ?? match[4]) };
}

const SUPERSEDED_BY = /\b(?:superseded|replaced|obsoleted)\s+by\b/gi;
const SUPERSEDES = /\b(?:supersedes|replaces|obsoletes)\b/gi;

/** The supersede links a piece of text states, in order of appearance. */
export function supersedeLinks(text: string): SupersedeLinks {
  const find = (keyword: RegExp) =>
    [...text.matchAll(keyword)].flatMap((m) => refAt(text.slice(m.index + m[0].length)) ?? []);
  return { supersededBy: find(SUPERSEDED_BY), supersedes: find(SUPERSEDES) };
}

const LINK_LINE =
  /^\s*(?:[*+-]\s+)?(?:\*\*|__)?(?:superseded by|replaced by|obsoleted by|supersedes|replaces|obsoletes)\b/i;

/** True for a line that states a supersede link and nothing else worth keeping as text. */
export function isLinkLine(line: string): boolean {
  if (!LINK_LINE.test(line)) return false;
  const links = supersedeLinks(line);
  return links.supersededBy.length + links.supersedes.length > 0;
}

export function refKey(ref: AdrRef): string {
  return "number" in ref ? `#${ref.number}` : `file:${ref.file}`;
}

export function refLabel(ref: AdrRef): string {
  return "number" in ref ? `ADR ${ref.number}` : `"${ref.file}"`;
}
