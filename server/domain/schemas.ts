import { z } from "zod";

// The identifier and hash shapes every input shares, written once: tRPC procedures, REST routes
// and the OpenAPI document all validate with these.

/**
 * A row id as the API takes it: our ids are cuids, but any short opaque string is answered (not found) rather than
 * refused.
 */
export const ZEntityId = z.string().trim().min(1).max(64);

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
export const ZSha256 = z.string().regex(SHA256_PATTERN, "a SHA-256 is 64 lowercase hex digits");

/** The caller's key for a request that may be retried; the same key answers the same result. */
export const ZIdempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, "letters, digits and . _ : - only");
