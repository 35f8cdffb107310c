// YAML front matter as ADR files use it, read without a YAML library: flat `key: value`,
// `key: [a, "b"]`, `key:` followed by `- item` lines, quoted strings and `|`/`>` blocks.
// Anything else (nested maps, anchors) is named in `unread` instead of being guessed at.
// Bounded: at most 200 lines and 64 keys are looked at.

export type FrontValue = string | string[];

export interface FrontMatter {
  fields: Map<string, FrontValue>;
  /** keys (or lines) whose YAML this reader does not take apart */
  unread: string[];
}

const MAX_LINES = 200;
const MAX_KEYS = 64;
const KEY = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;

/** Splits a leading `---` … `---` block off the text; null front matter when there is none. */
export function splitFrontMatter(text: string): { front: FrontMatter | null; body: string } {
  const lines = text.split("\n");
  if (lines[0]?.trimEnd() !== "---") return { front: null, body: text };
  const end = lines.slice(1, MAX_LINES + 1).findIndex((line) => line.trimEnd() === "---" || line.trimEnd() === "...");
  if (end < 0) return { front: null, body: text };
  return { front: readFrontMatter(lines.slice(1, end + 1)), body: lines.slice(end + 2).join("\n") };
}

export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const fields = new Map<string, FrontValue>();
  const unread: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const match = KEY.exec(line);
    if (!match || fields.size >= MAX_KEYS) {
      unread.push(line.trim().slice(0, 80));
      continue;
    }
    const key = match[1]!.toLowerCase();
    const raw = match[2] ?? "";
    const nested: string[] = [];
    while (
      i + 1 < lines.length &&
      (/^[ \t]/.test(lines[i + 1]!) || /^-[ \t]/.test(lines[i + 1]!) || lines[i + 1]!.trim() === "")
    )
      nested.push(lines[++i]!);
    const value = valueOf(raw, nested);
    if (value === undefined) unread.push(key);
    else fields.set(key, value);
  }
  return { fields, unread };
}

function valueOf(raw: string, nested: string[]): FrontValue | undefined {
  const following = nested.filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"));
  if (raw === "" || /^[|>][+-]?$/.test(raw)) {
    if (raw === "") {
      if (following.length === 0) return "";
      const items = following.map((line) => /^\s*-[ \t]+(.*)$/.exec(line)?.[1]);
      return items.every((item) => item !== undefined) ? items.map((item) => scalar(item!)) : undefined;
    }
    const indent = Math.min(...following.map((line) => /^\s*/.exec(line)![0].length));
    const text = nested
      .map((line) => line.slice(indent))
      .join("\n")
      .trim();
    return raw.startsWith(">") ? text.replace(/\n(?!\n)/g, " ") : text;
  }
  if (following.length > 0) return undefined;
  if (raw.startsWith("[") && raw.endsWith("]")) return flowList(raw.slice(1, -1));
  return scalar(raw);
}

/** One scalar: "double" (JSON escapes), 'single' ('' is a quote) or plain (a ` #` starts a comment). */
function scalar(raw: string): string {
  const text = raw.trim();
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  if (text.startsWith("'") && text.endsWith("'") && text.length >= 2) return text.slice(1, -1).replace(/''/g, "'");
  return text.replace(/[ \t]+#.*$/, "").trim();
}

function flowList(inner: string): string[] {
  const out: string[] = [];
  for (const match of inner.matchAll(/\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+)\s*(?:,|$)/g)) {
    const item = scalar(match[1]!);
    if (item !== "") out.push(item);
  }
  return out;
}

/** A value as a list: a YAML list as it is, a string split at commas. */
export function listValue(value: FrontValue | undefined): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : value.split(",");
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

/** A value as one line of text: a list's items joined by commas. */
export function textValue(value: FrontValue | undefined): string {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.join(", ") : value.trim();
}
