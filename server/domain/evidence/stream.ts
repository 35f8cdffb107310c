import { EvidenceInputError, type EvidenceLimits } from "./errors";

// Artifacts arrive as streams of byte chunks and are never held whole. Gzip is recognised by its
// magic bytes and unpacked with a cap, so a small bomb cannot grow without bound.

export type ByteSource = AsyncIterable<Uint8Array>;

const GZIP_MAGIC = [0x1f, 0x8b];

async function* concat(first: Uint8Array, rest: AsyncIterator<Uint8Array>): ByteSource {
  if (first.length > 0) yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* gunzip(source: ByteSource, cap: number): ByteSource {
  const stream = new DecompressionStream("gzip");
  const writer = stream.writable.getWriter();
  const pump = (async () => {
    try {
      for await (const chunk of source) await writer.write(chunk as Uint8Array<ArrayBuffer>);
      await writer.close();
    } catch (error) {
      await writer.abort(error).catch(() => undefined);
    }
  })();
  const reader = stream.readable.getReader();
  let total = 0;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      total += next.value.length;
      if (total > cap) throw new EvidenceInputError("HOSTILE", `gzip input unpacks to more than ${cap} bytes`);
      yield next.value;
    }
  } catch (error) {
    if (error instanceof EvidenceInputError) throw error;
    throw new EvidenceInputError("TRUNCATED", "the gzip stream is corrupt or truncated");
  } finally {
    await reader.cancel().catch(() => undefined);
    await pump.catch(() => undefined);
  }
}

/** Unpacks gzip when the input starts with its magic bytes; enforces the byte limit either way. */
export async function* openArtifact(source: ByteSource, limits: EvidenceLimits): ByteSource {
  const iterator = source[Symbol.asyncIterator]();
  let head = new Uint8Array(0);
  while (head.length < 2) {
    const next = await iterator.next();
    if (next.done) break;
    const merged = new Uint8Array(head.length + next.value.length);
    merged.set(head);
    merged.set(next.value, head.length);
    head = merged;
  }
  const isGzip = head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  const body = isGzip ? gunzip(concat(head, iterator), limits.maxUncompressedBytes) : concat(head, iterator);
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > limits.maxBytes)
      throw new EvidenceInputError("TOO_LARGE", `the artifact is larger than ${limits.maxBytes} bytes`);
    yield chunk;
  }
  if (total === 0) throw new EvidenceInputError("EMPTY", "the file is empty");
}

/**
 * Calls `onLine` for every line (LF or CRLF) with a cap on line length. A plain callback, not an
 * async generator: a yield per line would cost more than parsing the line.
 */
export async function forEachLine(
  source: ByteSource,
  limits: EvidenceLimits,
  onLine: (text: string, number: number) => void,
): Promise<void> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let number = 0;
  for await (const chunk of openArtifact(source, limits)) {
    const text = pending + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = text.indexOf("\n", start); end !== -1; end = text.indexOf("\n", start)) {
      number += 1;
      onLine(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end), number);
      start = end + 1;
    }
    pending = text.slice(start);
    if (pending.length > limits.maxLineLength)
      throw new EvidenceInputError(
        "LINE_TOO_LONG",
        `a line is longer than ${limits.maxLineLength} characters`,
        number + 1,
      );
  }
  pending += decoder.decode();
  if (pending.length > 0) onLine(pending.endsWith("\r") ? pending.slice(0, -1) : pending, number + 1);
}

/**
 * The byte-level way to read large line-based formats: `onLines` gets a buffer whose bytes
 * [0, end) are whole lines (the last one may lack its newline at the end of input) and the number
 * of the first of them, and walks them itself, so no string or call is spent per line. A line cut
 * by a chunk boundary is carried into the next buffer; a buffer is only valid during the call.
 */
export async function forEachLineChunk(
  source: ByteSource,
  limits: EvidenceLimits,
  onLines: (bytes: Uint8Array, end: number, firstLine: number) => number,
): Promise<void> {
  let carry: Uint8Array | null = null;
  let number = 1;
  for await (const chunk of openArtifact(source, limits)) {
    // a plain Uint8Array view (not a Buffer subclass) keeps the parser's byte reads monomorphic
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    if (carry) {
      // only the line cut by the boundary is copied, never the whole chunk
      const newline = bytes.indexOf(10);
      const joined: Uint8Array = new Uint8Array(carry.length + (newline === -1 ? bytes.length : newline + 1));
      joined.set(carry);
      joined.set(newline === -1 ? bytes : bytes.subarray(0, newline + 1), carry.length);
      if (newline === -1) {
        carry = joined;
        if (joined.length > limits.maxLineLength)
          throw new EvidenceInputError("LINE_TOO_LONG", `a line is longer than ${limits.maxLineLength} bytes`, number);
        continue;
      }
      number += onLines(joined, joined.length, number);
      from = newline + 1;
    }
    const end = bytes.lastIndexOf(10) + 1;
    if (end > from) number += onLines(from === 0 ? bytes : bytes.subarray(from), end - from, number);
    const rest = Math.max(end, from);
    carry = rest < bytes.length ? bytes.slice(rest) : null;
    if (carry && carry.length > limits.maxLineLength)
      throw new EvidenceInputError("LINE_TOO_LONG", `a line is longer than ${limits.maxLineLength} bytes`, number);
  }
  if (carry) onLines(carry, carry.length, number);
}

/** A byte source over one in-memory buffer, in chunks (tests and small inputs). */
export async function* bytesOf(data: Uint8Array | string, chunkSize = 64 * 1024): ByteSource {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
}
