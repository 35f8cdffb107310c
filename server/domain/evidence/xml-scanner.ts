import { ByteInterner } from "./byte-interner";
import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { decode, PREDEFINED, TagAttributes, type XmlAttributes } from "./xml-attributes";

export type { XmlAttributes } from "./xml-attributes";

// A streaming XML tokenizer over UTF-8 bytes, made for large machine-written reports: it checks
// the well-formedness those reports need (balanced, properly named and quoted tags, unique
// attributes, known character references, one root, nothing but markup outside it) and hands
// every start and end tag to the caller. Attribute values are decoded only when asked for.
// Nothing is ever fetched or expanded: a DOCTYPE that declares entities is refused as hostile,
// and a reference to any entity but the five predefined ones is an error.

export interface XmlHandlers {
  /** `attributes` is only valid during the call. */
  open(name: string, attributes: XmlAttributes, depth: number, line: number): void;
  close?(name: string, depth: number): void;
}

const LT = 60;
const GT = 62;
const AMP = 38;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const EQUALS = 61;
const NEWLINE = 10;
const INCOMPLETE = -1;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
const isNameByte = (c: number) =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  c === 95 ||
  c === 58 ||
  c === 45 ||
  c === 46 ||
  c >= 128;
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 128;

export class XmlScanner {
  private work = new Uint8Array(0);
  private carry = 0;
  private line = 1;
  private depth = 0;
  private elements = 0;
  private sawRoot = false;
  private rootClosed = false;
  private atStart = true;
  /** inside a comment, CDATA section or processing instruction: the bytes that end it */
  private skipUntil: number[] | null = null;
  /** where skipping stopped in the current buffer when its terminator was not (wholly) there */
  private skipped = 0;
  private readonly names = new ByteInterner();
  private readonly nameText: string[] = [];
  private stack = new Int32Array(64);
  private readonly attributes = new TagAttributes();

  constructor(
    private readonly limits: EvidenceLimits,
    private readonly handlers: XmlHandlers,
  ) {}

  /** Reads a chunk; an unfinished token is kept (in one reused buffer) until the next one. */
  write(chunk: Uint8Array): void {
    if (this.carry + chunk.length > this.work.length) {
      const grown = new Uint8Array(Math.max(this.carry + chunk.length, this.work.length * 2));
      grown.set(this.work.subarray(0, this.carry));
      this.work = grown;
    }
    this.work.set(chunk, this.carry);
    const length = this.carry + chunk.length;
    const consumed = this.scan(this.work, length, false);
    this.work.copyWithin(0, consumed, length);
    this.carry = length - consumed;
    if (this.carry > this.limits.maxLineLength)
      throw this.error("LINE_TOO_LONG", `a tag or reference is longer than ${this.limits.maxLineLength} bytes`);
  }

  end(): void {
    const consumed = this.scan(this.work, this.carry, true);
    if (this.skipUntil || consumed < this.carry)
      throw this.error("TRUNCATED", "the document ends inside a tag, comment or section");
    if (!this.sawRoot) throw this.error("MALFORMED", "no XML element in the file");
    if (this.depth !== 0) throw this.error("TRUNCATED", "the document ends before its elements are closed");
  }

  private error(code: ConstructorParameters<typeof EvidenceInputError>[0], message: string): EvidenceInputError {
    return new EvidenceInputError(code, message, this.line);
  }

  /** Tokenizes bytes[0, length); answers how many bytes were consumed. */
  private scan(bytes: Uint8Array, length: number, final: boolean): number {
    let i = 0;
    if (this.atStart && length >= 3) {
      this.atStart = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
      else if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))
        throw this.error("UNSUPPORTED", "UTF-16 documents are not supported; write the report as UTF-8");
    }
    while (i < length) {
      if (this.skipUntil) {
        const next = this.skip(bytes, i, length, final);
        // a long comment or CDATA section is consumed as it goes; only a possibly cut terminator is kept
        if (next === INCOMPLETE) return this.skipped;
        i = next;
        continue;
      }
      const c = bytes[i]!;
      if (c !== LT) {
        const next = this.text(bytes, i, length, final);
        if (next === INCOMPLETE) return i;
        i = next;
        continue;
      }
      const lineBefore = this.line;
      const next = this.markup(bytes, i, length, final);
      if (next === INCOMPLETE) {
        this.line = lineBefore;
        return i;
      }
      i = next;
    }
    return i;
  }

  /** Character data up to the next '<': only references are checked; outside the root only space. */
  private text(bytes: Uint8Array, start: number, length: number, final: boolean): number {
    let i = start;
    const inside = this.depth > 0;
    for (; i < length; i += 1) {
      const c = bytes[i]!;
      if (c === LT) return i;
      if (c === NEWLINE) this.line += 1;
      else if (c === AMP) {
        if (!inside) throw this.error("MALFORMED", "text outside the root element");
        const end = this.reference(bytes, i, length, final);
        if (end === INCOMPLETE) return i === start ? INCOMPLETE : i;
        i = end - 1;
      } else if (!inside && !isSpace(c))
        throw this.error(
          "MALFORMED",
          this.rootClosed ? "content after the root element" : "text before the root element",
        );
    }
    return i;
  }

  /** A reference "&name;" at `at`: answers the index after it. */
  private reference(bytes: Uint8Array, at: number, length: number, final: boolean): number {
    let i = at + 1;
    while (i < length && i - at < 40 && bytes[i] !== 59 && bytes[i] !== LT && !isSpace(bytes[i]!)) i += 1;
    if (i >= length) {
      if (!final) return INCOMPLETE;
      throw this.error("TRUNCATED", "the document ends inside a reference");
    }
    if (bytes[i] !== 59) throw this.error("MALFORMED", "an & that does not start a reference (write &amp;)");
    const name = decode(bytes, at + 1, i);
    if (/^#[0-9]{1,7}$|^#x[0-9a-fA-F]{1,6}$/.test(name)) return i + 1;
    if (PREDEFINED[name] === undefined) throw this.error("MALFORMED", `undefined entity &${name};`);
    return i + 1;
  }

  private markup(bytes: Uint8Array, at: number, length: number, final: boolean): number {
    if (at + 1 >= length) return final ? this.fail("TRUNCATED", "the document ends inside a tag") : INCOMPLETE;
    const kind = bytes[at + 1]!;
    if (kind === SLASH) return this.endTag(bytes, at, length, final);
    if (kind === QUESTION) return this.startSkip(at + 2, [QUESTION, GT]);
    if (kind === BANG) {
      if (at + 9 > length && !final) return INCOMPLETE;
      if (this.matches(bytes, at, length, "<!--")) return this.startSkip(at + 4, [45, 45, GT]);
      if (this.matches(bytes, at, length, "<![CDATA[")) {
        if (this.depth === 0) throw this.error("MALFORMED", "a CDATA section outside the root element");
        return this.startSkip(at + 9, [93, 93, GT]);
      }
      if (this.matches(bytes, at, length, "<!DOCTYPE")) return this.doctype(bytes, at, length, final);
      throw this.error("MALFORMED", "unknown markup declaration");
    }
    return this.startTag(bytes, at, length, final);
  }

  private matches(bytes: Uint8Array, at: number, length: number, ascii: string): boolean {
    if (at + ascii.length > length) return false;
    for (let i = 0; i < ascii.length; i += 1) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
    return true;
  }

  /** A tag cut by the end of the buffer: wait for more, or at the end of input, refuse. */
  private incomplete(final: boolean): number {
    return final ? this.fail("TRUNCATED", "the document ends inside a tag") : INCOMPLETE;
  }

  private fail(code: ConstructorParameters<typeof EvidenceInputError>[0], message: string): never {
    throw this.error(code, message);
  }

  private startSkip(from: number, terminator: number[]): number {
    this.skipUntil = terminator;
    return from;
  }

  /** Inside a comment, CDATA section or PI: answers the index after its terminator. */
  private skip(bytes: Uint8Array, start: number, length: number, final: boolean): number {
    const terminator = this.skipUntil!;
    const first = terminator[0]!;
    for (let i = start; i < length; i += 1) {
      const c = bytes[i]!;
      if (c === NEWLINE) this.line += 1;
      else if (c === first) {
        let whole = true;
        for (let k = 1; k < terminator.length && whole; k += 1) whole = bytes[i + k] === terminator[k];
        if (whole && i + terminator.length <= length) {
          this.skipUntil = null;
          return i + terminator.length;
        }
        if (i + terminator.length > length && !final) {
          this.skipped = i;
          return INCOMPLETE;
        }
      }
    }
    this.skipped = length;
    return INCOMPLETE;
  }

  private doctype(bytes: Uint8Array, at: number, length: number, final: boolean): number {
    if (this.sawRoot) throw this.error("MALFORMED", "a DOCTYPE after the root element");
    let brackets = 0;
    let quote = 0;
    for (let i = at + 9; i < length; i += 1) {
      const c = bytes[i]!;
      if (c === NEWLINE) this.line += 1;
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 91) brackets += 1;
      else if (c === 93) brackets -= 1;
      else if (c === LT && this.matches(bytes, i, length, "<!ENTITY"))
        throw this.error("HOSTILE", "the document declares entities in its DOCTYPE; refused");
      else if (c === GT && brackets === 0) return i + 1;
    }
    return final ? this.fail("TRUNCATED", "the document ends inside its DOCTYPE") : INCOMPLETE;
  }

  /** Reads a name at `at`; answers its end (exclusive). */
  private nameEnd(bytes: Uint8Array, at: number, length: number): number {
    if (at < length && !isNameStart(bytes[at]!))
      throw this.error("MALFORMED", "a tag or attribute name starts with a character names cannot start with");
    let i = at;
    while (i < length && isNameByte(bytes[i]!)) i += 1;
    return i;
  }

  private nameId(bytes: Uint8Array, start: number, end: number): number {
    const id = this.names.intern(bytes, start, end);
    if (id === this.nameText.length) this.nameText.push(decode(bytes, start, end));
    return id;
  }

  private startTag(bytes: Uint8Array, at: number, length: number, final: boolean): number {
    const nameStart = at + 1;
    const nameEnd = this.nameEnd(bytes, nameStart, length);
    if (nameEnd >= length) return this.incomplete(final);
    if (nameEnd === nameStart) throw this.error("MALFORMED", "a '<' that does not start a tag (write &lt;)");
    const attributes = this.attributes;
    attributes.bytes = bytes;
    attributes.count = 0;
    let i = nameEnd;
    let selfClosing = false;
    for (;;) {
      const spaced = i < length && isSpace(bytes[i]!);
      while (i < length && isSpace(bytes[i]!)) {
        if (bytes[i] === NEWLINE) this.line += 1;
        i += 1;
      }
      if (i >= length) return this.incomplete(final);
      const c = bytes[i]!;
      if (c === GT) {
        i += 1;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= length) return this.incomplete(final);
        if (bytes[i + 1] !== GT) throw this.error("MALFORMED", "a '/' in a tag that is not followed by '>'");
        selfClosing = true;
        i += 2;
        break;
      }
      if (!spaced) throw this.error("MALFORMED", "attributes must be separated by white space");
      const attributeStart = i;
      const attributeEnd = this.nameEnd(bytes, i, length);
      i = attributeEnd;
      while (i < length && isSpace(bytes[i]!)) {
        if (bytes[i] === NEWLINE) this.line += 1;
        i += 1;
      }
      if (i >= length) return this.incomplete(final);
      if (bytes[i] !== EQUALS) throw this.error("MALFORMED", "an attribute without '=' and a quoted value");
      i += 1;
      while (i < length && isSpace(bytes[i]!)) {
        if (bytes[i] === NEWLINE) this.line += 1;
        i += 1;
      }
      if (i >= length) return this.incomplete(final);
      const quote = bytes[i]!;
      if (quote !== 34 && quote !== 39) throw this.error("MALFORMED", "an attribute value must be quoted");
      const valueStart = i + 1;
      let references = false;
      for (i = valueStart; i < length && bytes[i] !== quote; i += 1) {
        const v = bytes[i]!;
        if (v === LT) throw this.error("MALFORMED", "a '<' inside an attribute value");
        if (v === NEWLINE) this.line += 1;
        else if (v === AMP) {
          const end = this.reference(bytes, i, length, final);
          if (end === INCOMPLETE) return INCOMPLETE;
          references = true;
          i = end - 1;
        }
      }
      if (i >= length) return this.incomplete(final);
      attributes.push(attributeStart, attributeEnd, valueStart, i, references);
      if (attributes.lastIsDuplicate())
        throw this.error("MALFORMED", `the attribute ${decode(bytes, attributeStart, attributeEnd)} appears twice`);
      i += 1;
    }
    if (this.rootClosed) throw this.error("MALFORMED", "a second root element");
    const id = this.nameId(bytes, nameStart, nameEnd);
    this.sawRoot = true;
    this.depth += 1;
    this.elements += 1;
    if (this.depth > this.limits.maxXmlDepth)
      throw this.error("HOSTILE", `elements nest deeper than ${this.limits.maxXmlDepth}`);
    if (this.elements > this.limits.maxEntries)
      throw this.error("TOO_MANY_ENTRIES", `more than ${this.limits.maxEntries} elements`);
    const name = this.nameText[id]!;
    this.handlers.open(name, attributes, this.depth, this.line);
    if (selfClosing) this.closeElement(name);
    else {
      if (this.depth > this.stack.length) {
        const grown = new Int32Array(this.stack.length * 2);
        grown.set(this.stack);
        this.stack = grown;
      }
      this.stack[this.depth - 1] = id;
    }
    return i;
  }

  private endTag(bytes: Uint8Array, at: number, length: number, final: boolean): number {
    const nameStart = at + 2;
    const nameEnd = this.nameEnd(bytes, nameStart, length);
    let i = nameEnd;
    while (i < length && isSpace(bytes[i]!)) i += 1;
    if (i >= length) return final ? this.fail("TRUNCATED", "the document ends inside a tag") : INCOMPLETE;
    if (bytes[i] !== GT || nameEnd === nameStart) throw this.error("MALFORMED", "an end tag must be </name>");
    for (let k = nameEnd; k < i; k += 1) if (bytes[k] === NEWLINE) this.line += 1;
    const id = this.nameId(bytes, nameStart, nameEnd);
    const name = this.nameText[id]!;
    if (this.depth === 0) throw this.error("MALFORMED", `end tag </${name}> without a start tag`);
    const open = this.stack[this.depth - 1]!;
    if (open !== id) throw this.error("MALFORMED", `end tag </${name}> does not close <${this.nameText[open]}>`);
    this.closeElement(name);
    return i + 1;
  }

  private closeElement(name: string): void {
    this.handlers.close?.(name, this.depth);
    this.depth -= 1;
    if (this.depth === 0) this.rootClosed = true;
  }
}
