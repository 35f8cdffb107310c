// One budget for a whole ADR import request: every multipart part and every archive entry draws
// on the same entry count and the same unpacked bytes, so a body of many small archives cannot
// multiply a per-archive limit. Counted as bytes are inflated or received, never from headers.

export interface ImportLimits {
  /** Files and archive entries (directories included) in the whole request. */
  maxEntries: number;
  /** Bytes one archive entry may unpack to. */
  maxFileBytes: number;
  /** Bytes the whole request may unpack to (plain parts and archive entries together). */
  maxTotalBytes: number;
}

// 8 MiB unpacked, like the body limit: whatever fits the body uncompressed fits the budget, and
// fflate allocates ~5 bytes per byte it inflates, so a refused request stays well under 64 MB
// (20 MiB, the old per-archive limit, made ~100 MB of garbage before the refusal).
export const ADR_IMPORT_LIMITS: ImportLimits = {
  maxEntries: 500,
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 8 * 1024 * 1024,
};

/** The request spent its budget: answered 413, unlike an ArchiveRefusal (400), which is about one archive's content. */
export class ImportTooLarge extends Error {
  override name = "ImportTooLarge";
}

export class ImportBudget {
  #entries = 0;
  #bytes = 0;

  constructor(readonly limits: ImportLimits = ADR_IMPORT_LIMITS) {}

  get entries(): number {
    return this.#entries;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Takes one file or entry; the refusal once the request has more than it may. */
  takeEntry(): ImportTooLarge | null {
    this.#entries += 1;
    return this.#entries > this.limits.maxEntries ? tooManyEntries(this.limits) : null;
  }

  /** Takes `count` bytes just unpacked or received; the refusal once the request holds more than it may. */
  takeBytes(count: number): ImportTooLarge | null {
    this.#bytes += count;
    return this.#bytes > this.limits.maxTotalBytes
      ? new ImportTooLarge(`the import unpacks to more than ${this.limits.maxTotalBytes} bytes`)
      : null;
  }
}

/** The refusal for one entry too many, also when a parser counts the entries itself. */
export function tooManyEntries(limits: ImportLimits): ImportTooLarge {
  return new ImportTooLarge(`the import has more than ${limits.maxEntries} files and archive entries`);
}
