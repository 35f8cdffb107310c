import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { dataDir } from "../../env";

// large reads keep the verifiers busy instead of waiting on the disk 64 KiB at a time
const READ_CHUNK_BYTES = 1024 * 1024;

// Content-addressed storage: every artifact is kept once under its SHA-256. Behind an interface so
// an S3-compatible store can replace the local directory.

export interface StagedBlob {
  sha256: string;
  sizeBytes: number;
  /** read the staged bytes again (e.g. to verify them before committing) */
  open(): Readable;
  /** keep the blob; answers its storage key */
  commit(): Promise<string>;
  discard(): Promise<void>;
}

export interface BlobStore {
  stage(input: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StagedBlob>;
  open(storageKey: string): Readable;
  /**
   * Small named records that change (the audit chain's heads): kept with the blobs rather than in
   * the database, each replaced whole, so a reader sees the old bytes or the new, never a mix.
   */
  readRecord(name: string): Promise<Uint8Array | null>;
  writeRecord(name: string, bytes: Uint8Array): Promise<void>;
  deleteRecord(name: string): Promise<void>;
}

/** Record names are `/`-separated segments of letters, digits, `.`, `_` and `-`, none starting with a dot. */
export function isRecordName(name: string): boolean {
  return name.length <= 255 && /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/.test(name);
}

export class BlobTooLargeError extends Error {
  override name = "BlobTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
  }
}

export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async stage(input: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StagedBlob> {
    const staging = path.join(this.root, "staging");
    await mkdir(staging, { recursive: true });
    const temp = path.join(staging, randomBytes(12).toString("hex"));
    const hash = createHash("sha256");
    let size = 0;
    try {
      await pipeline(
        input,
        async function* (chunks: AsyncIterable<Uint8Array>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(temp, { flags: "wx", mode: 0o600 }),
      );
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const sha256 = hash.digest("hex");
    const key = path.join(sha256.slice(0, 2), sha256);
    const finalPath = path.join(this.root, key);
    return {
      sha256,
      sizeBytes: size,
      open: () => createReadStream(temp, { highWaterMark: READ_CHUNK_BYTES }),
      commit: async () => {
        await mkdir(path.dirname(finalPath), { recursive: true });
        const exists = await stat(finalPath).then(
          () => true,
          () => false,
        );
        if (exists) await rm(temp, { force: true });
        else await rename(temp, finalPath);
        return key;
      },
      discard: () => rm(temp, { force: true }),
    };
  }

  open(storageKey: string): Readable {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(storageKey.split(path.sep).join("/")))
      throw new Error("invalid storage key");
    return createReadStream(path.join(this.root, storageKey), { highWaterMark: READ_CHUNK_BYTES });
  }

  private recordPath(name: string): string {
    if (!isRecordName(name)) throw new Error("invalid record name");
    return path.join(this.root, "records", ...name.split("/"));
  }

  async readRecord(name: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.recordPath(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async writeRecord(name: string, bytes: Uint8Array): Promise<void> {
    const finalPath = this.recordPath(name);
    await mkdir(path.dirname(finalPath), { recursive: true });
    // a dot-name in the same directory: the rename stays on one filesystem and so is atomic
    const temp = path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.${randomBytes(6).toString("hex")}`);
    try {
      const file = await open(temp, "wx", 0o600);
      try {
        await file.writeFile(bytes);
        // on disk before it replaces the old record: a crash must not leave an empty head
        await file.datasync();
      } finally {
        await file.close();
      }
      await rename(temp, finalPath);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async deleteRecord(name: string): Promise<void> {
    await rm(this.recordPath(name), { force: true });
  }
}

let store: BlobStore | undefined;

export function blobStore(): BlobStore {
  store ??= new LocalBlobStore(path.join(dataDir(), "blobs"));
  return store;
}

/** Replaces the process blob store (tests). */
export function installBlobStore(next: BlobStore): void {
  store = next;
}
