import { Unzip, UnzipInflate } from "fflate";

// Reading an uploaded zip of ADR files without trusting it: every entry's path must stay inside
// the archive's root, and the number of entries and the bytes they unpack to are counted as they
// are inflated (headers can lie), so a zip bomb stops at the limit instead of filling memory.
// Compressed input is fed in small slices: one slice cannot inflate past ~1,000x its size.

export interface ArchiveLimits {
  maxEntries: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const ADR_ARCHIVE_LIMITS: ArchiveLimits = { maxEntries: 500, maxFileBytes: 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024 };

export class ArchiveRefusal extends Error {
  override name = "ArchiveRefusal";
}

export interface ArchiveFile {
  path: string;
  bytes: Uint8Array;
}

const SLICE = 4 * 1024;

/** Why an entry path would leave the archive's root, or null when it stays inside. */
export function entryPathProblem(path: string): string | null {
  if (path.length === 0 || path.length > 500) return "an empty or overlong path";
  if (path.includes("\\")) return "a backslash in the path";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "an absolute path";
  if (path.includes("\0")) return "a NUL byte in the path";
  if (path.split("/").some((part) => part === "..")) return "a '..' segment that leaves the archive";
  return null;
}

/** The files of a zip (directories left out), or an ArchiveRefusal saying which limit it broke. */
export function readArchive(zip: Uint8Array, limits: ArchiveLimits = ADR_ARCHIVE_LIMITS): ArchiveFile[] {
  const files: ArchiveFile[] = [];
  let entries = 0;
  let total = 0;
  let refusal: ArchiveRefusal | null = null;
  const unzip = new Unzip((file) => {
    if (refusal) return;
    entries += 1;
    if (entries > limits.maxEntries) {
      refusal = new ArchiveRefusal(`the archive has more than ${limits.maxEntries} entries`);
      return;
    }
    const problem = entryPathProblem(file.name);
    if (problem) {
      refusal = new ArchiveRefusal(`the entry "${file.name.slice(0, 200)}" has ${problem}; nothing was imported`);
      return;
    }
    if (file.name.endsWith("/")) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = new ArchiveRefusal(`the entry "${file.name}" could not be unpacked: ${error.message}`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxFileBytes) refusal = new ArchiveRefusal(`"${file.name}" unpacks to more than ${limits.maxFileBytes} bytes`);
      else if (total > limits.maxTotalBytes) refusal = new ArchiveRefusal(`the archive unpacks to more than ${limits.maxTotalBytes} bytes`);
      if (refusal) {
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files.push({ path: file.name, bytes: concat(chunks, size) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < zip.length && !refusal; offset += SLICE) unzip.push(zip.subarray(offset, offset + SLICE), offset + SLICE >= zip.length);
  } catch (error) {
    throw new ArchiveRefusal(`not a readable zip archive: ${(error as Error).message}`);
  }
  if (refusal) throw refusal;
  if (entries === 0) throw new ArchiveRefusal("not a zip archive, or an empty one");
  return files;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
