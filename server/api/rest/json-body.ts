import { refused } from "./respond";

// The one way a route reads a JSON body: it must say it is JSON (415 otherwise, which also keeps
// a cross-site form from posting it), it is counted while it streams and refused with 413 the
// moment it passes the limit (also when it arrives chunked, without a length), and it must parse
// (400). Nothing past the limit is ever buffered.

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

export function isJsonContentType(contentType: string | null): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType?.trim() ?? "");
}

const tooLarge = (maxBytes: number) => refused(413, "PAYLOAD_TOO_LARGE", [`the body exceeds ${maxBytes} bytes`]);

/** The body's bytes, or null once they pass `maxBytes` (the stream is cancelled then). */
export async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return {
      ok: false,
      response: refused(415, "UNSUPPORTED_MEDIA_TYPE", ["send the body as content-type: application/json"]),
    };
  }
  const bytes = await readBounded(request, maxBytes);
  if (!bytes) return { ok: false, response: tooLarge(maxBytes) };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, response: refused(400, "BAD_REQUEST", ["the body is not valid JSON"]) };
  }
}
