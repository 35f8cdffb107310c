// The shape of an ADR's markdown as CommonMark sees it: fenced code is code (a "## heading" or a
// "<!-- comment -->" inside it is text), template comments are dropped, the first level-1
// heading is the title and level-2/3 headings open sections. Deeper headings stay in the text.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Follows fenced code line by line. */
export class FenceTracker {
  #open: { char: string; length: number } | null = null;

  /** True while `line` is inside a fence, its opening and closing lines included. */
  inFence(line: string): boolean {
    const marker = FENCE.exec(line)?.[1];
    if (this.#open) {
      if (marker && marker[0] === this.#open.char && marker.length >= this.#open.length && line.trim() === marker)
        this.#open = null;
      return true;
    }
    if (marker) this.#open = { char: marker[0]!, length: marker.length };
    return marker !== undefined;
  }

  get open(): boolean {
    return this.#open !== null;
  }
}

/** True when `text` opens a fence it does not close (read on, it would swallow what follows). */
export function leavesFenceOpen(text: string): boolean {
  const fences = new FenceTracker();
  for (const line of text.split("\n")) fences.inFence(line);
  return fences.open;
}

/** HTML comments dropped outside code (fences and `inline code`); a line that held only a comment goes. */
export function withoutComments(text: string): string {
  const fences = new FenceTracker();
  const out: string[] = [];
  let inComment = false;
  for (const line of text.split("\n")) {
    if (!inComment && fences.inFence(line)) {
      out.push(line);
      continue;
    }
    let kept = "";
    let removed = inComment;
    for (let i = 0; i < line.length;) {
      if (inComment) {
        const end = line.indexOf("-->", i);
        i = end < 0 ? line.length : end + 3;
        inComment = end < 0;
        continue;
      }
      if (line[i] === "`") {
        const run = /^`+/.exec(line.slice(i))![0];
        const close = line.indexOf(run, i + run.length);
        const end = close < 0 ? i + run.length : close + run.length;
        kept += line.slice(i, end);
        i = end;
        continue;
      }
      if (line.startsWith("<!--", i)) {
        inComment = true;
        removed = true;
        i += 4;
        continue;
      }
      kept += line[i];
      i += 1;
    }
    if (removed) {
      if (kept.trim() === "") continue;
      kept = kept.replace(/[ \t]+$/, "");
    }
    out.push(kept);
  }
  return out.join("\n");
}

export interface Section {
  heading: string;
  level: number;
  /** the section's own lines (deeper headings included as text), up to its first subsection */
  lines: string[];
  /** level-3 sections under a level-2 one */
  children: Section[];
}

export interface Outline {
  title: string | null;
  /** text outside any section: before the title and between it and the first section */
  preamble: string[];
  sections: Section[];
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

export function outlineOf(markdown: string): Outline {
  const fences = new FenceTracker();
  const outline: Outline = { title: null, preamble: [], sections: [] };
  let current: Section | null = null;
  let parent: Section | null = null;
  for (const line of markdown.split("\n")) {
    const heading = fences.inFence(line) ? null : HEADING.exec(line);
    const level = heading ? heading[1]!.length : 0;
    if (heading && heading[2] !== "" && level <= 3) {
      const text = heading[2]!;
      if (level === 1 && outline.title === null) {
        outline.title = text;
        continue;
      }
      const section: Section = { heading: text, level: level === 3 && parent ? 3 : 2, lines: [], children: [] };
      if (section.level === 3) parent!.children.push(section);
      else {
        outline.sections.push(section);
        parent = section;
      }
      current = section;
      continue;
    }
    (current ? current.lines : outline.preamble).push(line);
  }
  return outline;
}

/** A section's text as written: its lines, then each subsection with its heading. */
export function sectionText(section: Section): string {
  const parts = [
    section.lines.join("\n").trim(),
    ...section.children.map((c) => `${"#".repeat(c.level)} ${c.heading}\n\n${sectionText(c)}`.trim()),
  ];
  return parts.filter((p) => p !== "").join("\n\n");
}

const ITEM = /^ ?(?:[*+-]|\d{1,3}[.)])[ \t]+(\S.*)$/;

export interface ListItem {
  /** the item's text, a wrapped item's lines joined by a space */
  text: string;
  /** the lines it was written on */
  lines: string[];
  /** the index of its first line */
  from: number;
}

/**
 * The top-level list items of some lines (`*`, `-`, `+` or `1.`); the lines that are not
 * top-level items (paragraphs, nested lists, code) are returned apart, in order.
 */
export function listItems(lines: readonly string[]): { items: ListItem[]; rest: string[] } {
  const items: ListItem[] = [];
  const rest: string[] = [];
  const fences = new FenceTracker();
  let open: ListItem | null = null;
  for (const [index, line] of lines.entries()) {
    const fenced = fences.inFence(line);
    const item = fenced ? null : ITEM.exec(line);
    if (item) {
      open = { text: item[1]!.trim(), lines: [line], from: index };
      items.push(open);
    } else if (open && !fenced && line.trim() !== "" && !ITEM.test(line.trim()) && !/^\s*(#|>)/.test(line)) {
      // a wrapped line, indented or lazy (CommonMark continues the item's paragraph)
      open.text += ` ${line.trim()}`;
      open.lines.push(line);
    } else {
      open = null;
      rest.push(line);
    }
  }
  return { items, rest: trimBlank(rest) };
}

export function trimBlank(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === "") start += 1;
  while (end > start && lines[end - 1]!.trim() === "") end -= 1;
  return lines.slice(start, end);
}
