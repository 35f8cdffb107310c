import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { ADR_IMPORT_LIMITS } from "../domain/adr/import-budget";
import {
  createTestDatabase,
  idOf,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../data/testing";
import { importAdrsRest, MAX_IMPORT_BODY_BYTES } from "./rest/adr-import";
import { createCaller } from "./root";

// One budget for a whole import request: many small archives that each stay inside every
// per-archive limit are refused together, fast and without holding what they unpack to, and a
// chunked body is refused at the byte limit without being read to its end.

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const MIB = 1024 * 1024;
const BOUNDARY = "tollgate-budget-boundary";
const CHUNK = 64 * 1024;

/** Files of 1 MiB (the per-file limit) of one repeated letter: ~1 KiB of zip per MiB it unpacks to. */
function fillerZip(mebibytes: number): Uint8Array {
  const filler = new Uint8Array(MIB).fill(0x61);
  const files = Object.fromEntries(
    Array.from({ length: mebibytes }, (_, i) => [`decisions/${String(i + 1).padStart(4, "0")}-filler.md`, filler]),
  );
  return zipSync(files, { level: 9 });
}

function multipart(parts: { filename: string; bytes: Uint8Array }[]): Uint8Array {
  const pieces = parts.flatMap(({ filename, bytes }) => [
    strToU8(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\n` +
        `Content-Type: application/zip\r\n\r\n`,
    ),
    bytes,
    strToU8("\r\n"),
  ]);
  return Buffer.concat([...pieces, strToU8(`--${BOUNDARY}--\r\n`)]);
}

/** A body streamed in 64 KiB chunks (no content-length), counting what the handler pulled and whether it cancelled. */
function streamedBody(size: number, chunkAt: (offset: number, length: number) => Uint8Array) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled >= size) return controller.close();
        const length = Math.min(CHUNK, size - seen.pulled);
        controller.enqueue(chunkAt(seen.pulled, length));
        seen.pulled += length;
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

function streamedRequest(stream: ReadableStream<Uint8Array>, contentType: string): Request {
  return new Request("http://t/import", {
    method: "POST",
    body: stream,
    headers: { "content-type": contentType },
    duplex: "half",
  } as RequestInit);
}

function memory() {
  const usage = process.memoryUsage();
  return { rss: usage.rss, held: usage.heapUsed + usage.arrayBuffers };
}

const gc = (globalThis as { gc?: () => void }).gc;

describe.each(testDatabaseKinds())("ADR import budget on %s", (kind) => {
  let db: TestDatabase;
  let engagementId: string;
  let session: Awaited<ReturnType<typeof sessionFor>>;
  const adrNumbers = async () => (await createCaller({ session }).adr.list({ engagementId })).map((adr) => adr.number);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    engagementId = await idOf("engagement", { title: EASTBANK });
    session = await sessionFor("owner@northwind.test");
  });
  afterAll(() => db.drop());

  // 20 MiB: each zip alone over the budget (and within the old per-archive limits); 4 MiB: each
  // zip within the budget, the parts together over it
  it.each([20, 4])(
    "refuses hundreds of small zips that each unpack to %i MiB with 413, in under 2 s and 64 MB",
    async (mebibytes) => {
      const zip = fillerZip(mebibytes);
      const count = 300;
      const body = multipart(Array.from({ length: count }, (_, i) => ({ filename: `bomb-${i}.zip`, bytes: zip })));
      // under the body limit, so only the request's budget can refuse it
      expect(zip.length).toBeLessThan(mebibytes * 1200);
      expect(body.length).toBeLessThan(MAX_IMPORT_BODY_BYTES);
      const before = await adrNumbers();

      gc?.();
      const start = memory();
      const { stream, seen } = streamedBody(body.length, (offset, length) => body.subarray(offset, offset + length));
      const began = performance.now();
      const response = await importAdrsRest(
        session,
        engagementId,
        streamedRequest(stream, `multipart/form-data; boundary=${BOUNDARY}`),
      );
      const elapsed = performance.now() - began;
      // no gc here: what the refused request left behind, garbage included, counts
      const end = memory();
      const grown = { rss: end.rss - start.rss, held: end.held - start.held };
      console.info(
        `ADR import budget on ${kind}, ${count} zips of ${mebibytes} MiB: ${elapsed.toFixed(0)} ms, ` +
          `rss +${(grown.rss / MIB).toFixed(1)} MiB, heapUsed+arrayBuffers +${(grown.held / MIB).toFixed(1)} MiB` +
          ` (gc ${gc ? "exposed" : "not exposed"}), read ${seen.pulled} of ${body.length} bytes`,
      );

      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: "PAYLOAD_TOO_LARGE",
        reasons: [`the import unpacks to more than ${ADR_IMPORT_LIMITS.maxTotalBytes} bytes`],
      });
      expect(elapsed).toBeLessThan(2_000);
      expect(grown.rss).toBeLessThan(64 * MIB);
      expect(grown.held).toBeLessThan(64 * MIB);
      // refused within the first few archives: the rest of the body was never read
      expect(seen.pulled).toBeLessThan(body.length / 10);
      expect(seen.cancelled).toBe(true);
      expect(await adrNumbers()).toEqual(before);
    },
  );

  it("counts files across parts: more than 500 single-file zips are refused with 413", async () => {
    const parts = Array.from({ length: ADR_IMPORT_LIMITS.maxEntries + 1 }, (_, i) => ({
      filename: `part-${i}.zip`,
      bytes: zipSync({ [`decisions/${String(i + 100).padStart(4, "0")}-part.md`]: strToU8(`# ${i + 100}. Part\n`) }),
    }));
    const body = multipart(parts);
    const before = await adrNumbers();
    const { stream } = streamedBody(body.length, (offset, length) => body.subarray(offset, offset + length));
    const response = await importAdrsRest(
      session,
      engagementId,
      streamedRequest(stream, `multipart/form-data; boundary=${BOUNDARY}`),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: "PAYLOAD_TOO_LARGE",
      reasons: [`the import has more than ${ADR_IMPORT_LIMITS.maxEntries} files and archive entries`],
    });
    expect(await adrNumbers()).toEqual(before);
  });

  it.each([
    ["a zip", "application/zip", (_offset: number, length: number) => new Uint8Array(length)],
    [
      "a multipart file",
      `multipart/form-data; boundary=${BOUNDARY}`,
      (offset: number, length: number) => (offset === 0 ? multipartHead(length) : new Uint8Array(length).fill(0x61)),
    ],
  ])(
    "refuses %s sent chunked past the body limit with 413 without reading it to the end",
    async (_name, contentType, chunkAt) => {
      const endless = 100 * 1000 * 1000;
      const before = await adrNumbers();
      const { stream, seen } = streamedBody(endless, chunkAt);
      const response = await importAdrsRest(session, engagementId, streamedRequest(stream, contentType));
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: "PAYLOAD_TOO_LARGE",
        reasons: [`imports are limited to ${MAX_IMPORT_BODY_BYTES} bytes`],
      });
      expect(seen.pulled).toBeGreaterThan(MAX_IMPORT_BODY_BYTES);
      expect(seen.pulled).toBeLessThanOrEqual(MAX_IMPORT_BODY_BYTES + 2 * CHUNK);
      expect(seen.cancelled).toBe(true);
      expect(await adrNumbers()).toEqual(before);
    },
  );

  it("still imports zip parts within the budget, reporting a zip inside a zip as skipped", async () => {
    const adr = (n: number, title: string) =>
      strToU8(`# ${n}. ${title}\n\nDate: 2026-11-30\n\n## Status\n\nProposed\n\n## Context\n\n${title}.\n`);
    const body = multipart([
      { filename: "first.zip", bytes: zipSync({ "decisions/0041-split-the-relay.md": adr(41, "Split the relay") }) },
      {
        filename: "second.zip",
        bytes: zipSync({
          "decisions/0042-pin-the-toolchain.md": adr(42, "Pin the toolchain"),
          "old/archive.zip": zipSync({ "0043-x.md": adr(43, "X") }),
        }),
      },
    ]);
    const { stream } = streamedBody(body.length, (offset, length) => body.subarray(offset, offset + length));
    const response = await importAdrsRest(
      session,
      engagementId,
      streamedRequest(stream, `multipart/form-data; boundary=${BOUNDARY}`),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      imported: [41, 42],
      assumptions: [],
      problems: [
        { file: "second.zip/old/archive.zip", reason: "skipped: an archive inside an archive is not unpacked" },
      ],
    });
    expect(await adrNumbers()).toEqual(expect.arrayContaining([41, 42]));
    expect(await adrNumbers()).not.toContain(43);
  });
});

/** The first chunk of a multipart body whose one file part never ends. */
function multipartHead(length: number): Uint8Array {
  const head = strToU8(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="decisions/notes.txt"\r\n\r\n`,
  );
  const chunk = new Uint8Array(length).fill(0x61);
  chunk.set(head);
  return chunk;
}
