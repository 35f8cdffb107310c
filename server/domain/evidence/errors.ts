// Bad evidence input is an error with a name and, where possible, a line: never a wrong figure.

export type EvidenceErrorCode =
  "EMPTY" | "TOO_LARGE" | "LINE_TOO_LONG" | "TOO_MANY_ENTRIES" | "MALFORMED" | "TRUNCATED" | "HOSTILE" | "UNSUPPORTED";

export class EvidenceInputError extends Error {
  override name = "EvidenceInputError";
  constructor(
    readonly code: EvidenceErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

export interface EvidenceLimits {
  /** bytes read from the (decompressed) artifact */
  maxBytes: number;
  /** compressed input is refused beyond this many bytes once unpacked */
  maxUncompressedBytes: number;
  maxLineLength: number;
  /** records (DA lines, coverage blocks, benchmark runs, XML elements) */
  maxEntries: number;
  maxXmlDepth: number;
}

export const DEFAULT_LIMITS: EvidenceLimits = {
  maxBytes: 512 * 1024 * 1024,
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxLineLength: 1024 * 1024,
  maxEntries: 50_000_000,
  maxXmlDepth: 64,
};
