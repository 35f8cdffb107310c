import { createHash } from "node:crypto";
import { EvidenceInputError, type EvidenceLimits } from "./errors";
import type { ByteSource } from "./stream";

/** SHA-256 of the bytes exactly as given (never unpacked: a signed gzip is hashed as it is). */
export async function digest(
  source: ByteSource,
  limits: EvidenceLimits,
): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > limits.maxBytes)
      throw new EvidenceInputError("TOO_LARGE", `the artifact is larger than ${limits.maxBytes} bytes`);
    hash.update(chunk);
  }
  if (size === 0) throw new EvidenceInputError("EMPTY", "the file is empty");
  return { sha256: hash.digest("hex"), sizeBytes: size };
}
