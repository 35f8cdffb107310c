import { Unzip, UnzipInflate, type UnzipFile } from "fflate";
import type { FileProblem } from "./import";
import { ImportBudget } from "./import-budget";

// Reading an uploaded zip of ADR files without trusting it: every entry's path must stay inside
// the archive's root, and the entries and the bytes they unpack to are counted as they are
// inflated (headers can lie) against the request's ImportBudget, shared with every other part
// and archive of the same request, so a zip bomb, or many of them, stops at the limit.
// Compressed input is fed in small slices: one slice cannot inflate past ~1,000x its size.
// A zip inside the archive is reported as skipped, never unpacked: nesting would only multiply
// the work one request can ask for, and ADR folders do not nest archives.

export class ArchiveRefusal extends Error {
  override name = "ArchiveRefusal";
}

export interface ArchiveFile {
  path: string;
  bytes: Uint8Array;
}

export interface ArchiveContents {
  files: ArchiveFile[];
  /** Entries left unread on purpose (nested archives), each with the reason. */
  skipped: FileProblem[];
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

/**
 * A zip read as its bytes arrive. `push` throws the ArchiveRefusal (this archive's content) or
 * ImportTooLarge (the request's budget) that stops it, and nothing is inflated after that.
 */
export class ArchiveReader {
  readonly #budget: ImportBudget;
  readonly #prefix: string;
  readonly #unzip: Unzip;
  readonly #contents: ArchiveContents = { files: [], skipped: [] };
  #entries = 0;
  #failure: Error | null = null;

  /** `prefix` goes before every path reported (the multipart part the archive came in). */
  constructor(budget: ImportBudget, prefix = "") {
    this.#budget = budget;
    this.#prefix = prefix;
    this.#unzip = new Unzip((file) => this.#entry(file));
    this.#unzip.register(UnzipInflate);
  }

  push(bytes: Uint8Array): void {
    for (let offset = 0; offset < bytes.length && !this.#failure; offset += SLICE)
      this.#feed(bytes.subarray(offset, offset + SLICE), false);
    if (this.#failure) throw this.#failure;
  }

  /** The archive's files (directories left out) once its last byte has been pushed. */
  end(): ArchiveContents {
    if (!this.#failure) this.#feed(new Uint8Array(0), true);
    if (this.#failure) throw this.#failure;
    if (this.#entries === 0) throw new ArchiveRefusal("not a zip archive, or an empty one");
    return this.#contents;
  }

  #feed(slice: Uint8Array, final: boolean): void {
    try {
      this.#unzip.push(slice, final);
    } catch (error) {
      this.#failure ??= new ArchiveRefusal(`not a readable zip archive: ${(error as Error).message}`);
    }
  }

  #entry(file: UnzipFile): void {
    if (this.#failure) return;
    this.#entries += 1;
    this.#failure = this.#budget.takeEntry();
    const problem = entryPathProblem(file.name);
    if (problem)
      this.#failure ??= new ArchiveRefusal(
        `the entry "${file.name.slice(0, 200)}" has ${problem}; nothing was imported`,
      );
    if (this.#failure || file.name.endsWith("/")) return;
    if (file.name.toLowerCase().endsWith(".zip")) {
      this.#contents.skipped.push({
        file: this.#prefix + file.name,
        reason: "skipped: an archive inside an archive is not unpacked",
      });
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (this.#failure) return;
      if (error) {
        this.#failure = new ArchiveRefusal(`the entry "${file.name}" could not be unpacked: ${error.message}`);
        return;
      }
      size += chunk.length;
      const maxFileBytes = this.#budget.limits.maxFileBytes;
      this.#failure =
        size > maxFileBytes
          ? new ArchiveRefusal(`"${file.name}" unpacks to more than ${maxFileBytes} bytes`)
          : this.#budget.takeBytes(chunk.length);
      if (this.#failure) {
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) this.#contents.files.push({ path: this.#prefix + file.name, bytes: concat(chunks, size) });
    };
    file.start();
  }
}

/** The contents of a whole zip held in memory, drawing on `budget` (a fresh one by default). */
export function readArchive(zip: Uint8Array, budget: ImportBudget = new ImportBudget()): ArchiveContents {
  const reader = new ArchiveReader(budget);
  reader.push(zip);
  return reader.end();
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
