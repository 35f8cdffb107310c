import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { openArtifact, type ByteSource } from "./stream";

// Large JSON reports (istanbul's coverage-final.json holds one entry per source file) are read one
// top-level entry at a time: the scanner follows strings and nesting to find where each value
// ends, and only that value is parsed. Memory is bounded by the largest entry, which is capped.

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COLON = 58;
const COMMA = 44;
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

type Phase = "start" | "key" | "colon" | "value" | "after" | "done";

/** Calls `onEntry` for every member of the top-level object, in order. */
export async function forEachJsonEntry(
  source: ByteSource,
  limits: EvidenceLimits,
  onEntry: (key: string, value: unknown) => void,
): Promise<void> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let phase = "start" as Phase;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let inString = false;
  let escaped = false;
  let depth = 0;
  let key = "";
  let entries = 0;
  let line = 1;

  const fail = (message: string) => new EvidenceInputError("MALFORMED", message, line);
  const take = (bytes: Uint8Array, from: number, to: number) => {
    if (to <= from) return;
    pendingBytes += to - from;
    if (pendingBytes > limits.maxLineLength * 64)
      throw new EvidenceInputError("TOO_LARGE", `one entry is larger than ${limits.maxLineLength * 64} bytes`, line);
    pending.push(bytes.slice(from, to));
  };
  const finish = (): unknown => {
    const joined = new Uint8Array(pendingBytes);
    let at = 0;
    for (const part of pending) {
      joined.set(part, at);
      at += part.length;
    }
    pending = [];
    pendingBytes = 0;
    try {
      return JSON.parse(decoder.decode(joined));
    } catch {
      throw fail("not valid JSON");
    }
  };

  for await (const chunk of openArtifact(source, limits)) {
    let start = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk[i]!;
      if (c === 10) line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (phase === "key") {
            take(chunk, start, i + 1);
            const parsed = finish();
            if (typeof parsed !== "string") throw fail("an object key must be a string");
            key = parsed;
            phase = "colon";
          }
        }
        continue;
      }
      if (phase === "value") {
        if (c === QUOTE) inString = true;
        else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth += 1;
        else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === COMMA) {
          if (depth > 0 && c !== COMMA) {
            depth -= 1;
            if (depth === 0) {
              take(chunk, start, i + 1);
              emit();
            }
          } else if (depth === 0) {
            // a scalar value ends at the comma or the closing brace
            take(chunk, start, i);
            emit();
            // the comma or brace is read again, as what follows the value
            i -= 1;
          }
        }
        if (depth > limits.maxXmlDepth)
          throw new EvidenceInputError("HOSTILE", `values nest deeper than ${limits.maxXmlDepth}`, line);
        continue;
      }
      if (isSpace(c)) continue;
      switch (phase) {
        case "start":
          if (c !== OPEN_OBJECT) throw fail("the report is not a JSON object");
          phase = "key";
          break;
        case "key":
          if (c === CLOSE_OBJECT && entries === 0) {
            phase = "done";
            break;
          }
          if (c !== QUOTE) throw fail("expected an object key");
          inString = true;
          start = i;
          break;
        case "colon":
          if (c !== COLON) throw fail("expected ':' after an object key");
          phase = "value";
          depth = 0;
          start = i + 1;
          break;
        case "after":
          if (c === COMMA) phase = "key";
          else if (c === CLOSE_OBJECT) phase = "done";
          else throw fail("expected ',' or '}' after a value");
          break;
        case "done":
          throw fail("content after the end of the report");
      }
    }
    // the unfinished key or value continues in the next chunk
    if (phase === "value" || (phase === "key" && inString)) take(chunk, start, chunk.length);
  }
  if (phase !== "done") throw new EvidenceInputError("TRUNCATED", "the JSON ends before the report is closed", line);

  function emit(): void {
    const value = finish();
    if (++entries > limits.maxEntries)
      throw new EvidenceInputError("TOO_MANY_ENTRIES", `more than ${limits.maxEntries} entries`, line);
    onEntry(key, value);
    phase = "after";
  }
}
