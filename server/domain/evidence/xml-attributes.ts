import { EvidenceInputError } from "./errors";

// The attributes of the tag the scanner is handing out: offsets into its current buffer, decoded
// only when a verifier asks (most attributes of a 100 MB report are never read).

export interface XmlAttributes {
  /** The decoded value, or undefined when the element has no such attribute. */
  get(name: string): string | undefined;
  /** A plain decimal integer value without building a string; undefined when absent, NaN when not one. */
  int(name: string): number | undefined;
  /** A copy of every attribute, for keeping beyond the handler call. */
  toRecord(): Record<string, string>;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
/** The five entities XML predefines; a document may use no others. */
export const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** UTF-8 text of a byte range. */
export function decode(bytes: Uint8Array, start: number, end: number): string {
  try {
    return utf8.decode(bytes.subarray(start, end));
  } catch {
    throw new EvidenceInputError("MALFORMED", "the document is not valid UTF-8");
  }
}

/** An attribute value as XML defines it: line breaks and tabs become spaces, then references resolve. */
function attributeValue(bytes: Uint8Array, start: number, end: number, references: boolean): string {
  let text = decode(bytes, start, end);
  if (/[\t\n\r]/.test(text)) text = text.replace(/\r\n?|[\t\n]/g, " ");
  if (!references) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (_, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return PREDEFINED[name] ?? "";
  });
}

/** The attributes of the tag being handed out: offsets into the current buffer. */
export class TagAttributes implements XmlAttributes {
  bytes: Uint8Array = new Uint8Array(0);
  count = 0;
  // per attribute: name start, name end, value start, value end, has references
  slots = new Int32Array(5 * 16);

  get(name: string): string | undefined {
    const at = this.find(name);
    return at === -1
      ? undefined
      : attributeValue(this.bytes, this.slots[at + 2]!, this.slots[at + 3]!, this.slots[at + 4] === 1);
  }

  int(name: string): number | undefined {
    const at = this.find(name);
    if (at === -1) return undefined;
    const start = this.slots[at + 2]!;
    const end = this.slots[at + 3]!;
    if (start === end || end - start > 15) return Number.NaN;
    let value = 0;
    for (let i = start; i < end; i += 1) {
      const c = this.bytes[i]!;
      if (c < 48 || c > 57) return Number.NaN;
      value = value * 10 + (c - 48);
    }
    return value;
  }

  /** The slot offset of the attribute called `name`, or -1. */
  private find(name: string): number {
    const bytes = this.bytes;
    for (let a = 0; a < this.count; a += 1) {
      const at = a * 5;
      const start = this.slots[at]!;
      if (this.slots[at + 1]! - start !== name.length) continue;
      let same = true;
      for (let i = 0; i < name.length && same; i += 1) same = bytes[start + i] === name.charCodeAt(i);
      if (same) return at;
    }
    return -1;
  }

  toRecord(): Record<string, string> {
    const record: Record<string, string> = {};
    for (let a = 0; a < this.count; a += 1) {
      const at = a * 5;
      record[decode(this.bytes, this.slots[at]!, this.slots[at + 1]!)] = attributeValue(
        this.bytes,
        this.slots[at + 2]!,
        this.slots[at + 3]!,
        this.slots[at + 4] === 1,
      );
    }
    return record;
  }

  push(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, references: boolean): void {
    if ((this.count + 1) * 5 > this.slots.length) {
      const grown = new Int32Array(this.slots.length * 2);
      grown.set(this.slots);
      this.slots = grown;
    }
    const at = this.count * 5;
    this.slots[at] = nameStart;
    this.slots[at + 1] = nameEnd;
    this.slots[at + 2] = valueStart;
    this.slots[at + 3] = valueEnd;
    this.slots[at + 4] = references ? 1 : 0;
    this.count += 1;
  }

  /** True when an attribute before the last one has the last one's name. */
  lastIsDuplicate(): boolean {
    const last = (this.count - 1) * 5;
    const start = this.slots[last]!;
    const length = this.slots[last + 1]! - start;
    for (let a = 0; a < this.count - 1; a += 1) {
      const other = this.slots[a * 5]!;
      if (this.slots[a * 5 + 1]! - other !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i += 1) same = this.bytes[start + i] === this.bytes[other + i];
      if (same) return true;
    }
    return false;
  }
}
