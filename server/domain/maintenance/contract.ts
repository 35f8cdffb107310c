import { z } from "zod";
import { ZIsoDate } from "../engagement-plan";
import { ZEntityId } from "../schemas";

// A maintenance contract's fields, as the form, the procedures and the columns share them. Left out
// on creation: the start is the day delivery was paid and the fee is the upgrade-rights share
// (server/data/maintenance/ reads both from the engagement).

export const MAX_TERM_MONTHS = 60;
export const MAX_NOTICE_DAYS = 365;
export const MAX_CONTRACT_CLAUSES = 20;

/** A glob over tag names: `*` any run of characters, `?` one character (v1.*, release-*). */
export const ZTagPattern = z
  .string()
  .trim()
  .min(1, "required")
  .max(100, "at most 100 characters")
  .regex(/^[A-Za-z0-9._\-/*?+]+$/, "letters, digits and . _ - / + with * and ? as wildcards");

export const ZContractFields = z.strictObject({
  termMonths: z
    .number()
    .int("whole months")
    .min(1, "at least 1 month")
    .max(MAX_TERM_MONTHS, "at most 60 months")
    .default(12),
  feeMinor: z.number().int().min(0, "zero or more").max(Number.MAX_SAFE_INTEGER),
  startsOn: ZIsoDate,
  includes: z.string().trim().max(4000, "at most 4,000 characters").default(""),
  clauseIds: z.array(ZEntityId).max(MAX_CONTRACT_CLAUSES).default([]),
  autoRenew: z.boolean().default(true),
  noticeDays: z.number().int("whole days").min(0, "zero or more").max(MAX_NOTICE_DAYS, "at most 365 days").default(30),
  releaseTagPattern: ZTagPattern.default("v*"),
});
export type ContractFields = z.infer<typeof ZContractFields>;

/** Creating: the start and the fee may be left to their defaults. */
export const ZContractCreate = ZContractFields.extend({
  engagementId: ZEntityId,
  feeMinor: ZContractFields.shape.feeMinor.optional(),
  startsOn: ZIsoDate.optional(),
});

/** Does a tag match the glob (whole name, case-sensitive)? */
export function matchesTagPattern(tag: string, pattern: string): boolean {
  const source = pattern
    .split("")
    .map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\/-]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`).test(tag);
}
