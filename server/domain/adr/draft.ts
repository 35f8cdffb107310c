import { createHash } from "node:crypto";
import { z } from "zod";
import type { AdrContent } from "./adr";

// What an author writes in an ADR (everything but its number, status and links), validated the
// same way whether it comes from the form, the API or an imported file, and the digest of that
// content that a client's acknowledgement records.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD")
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value, "not a calendar date");
const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((value) => value.replace(/\r\n?/g, "\n").trim());
const item = z.string().trim().min(1).max(500);

const names = (max: number) => z.array(z.string().trim().min(1).max(120)).max(max);

export const ZAdrDraft = z.strictObject({
  title: z.string().trim().min(1, "a title is required").max(200),
  /** null: unknown (imported without a readable date); never invented */
  date: isoDate.nullable(),
  deciders: names(20),
  consulted: names(30).default([]),
  informed: names(30).default([]),
  context: text(20_000),
  decisionDrivers: z.array(item).max(30),
  consideredOptions: z
    .array(
      z.strictObject({
        title: z.string().trim().min(1).max(200),
        pros: z.array(item).max(20),
        cons: z.array(item).max(20),
      }),
    )
    .max(20),
  decisionOutcome: text(20_000),
  consequences: text(20_000),
  validation: text(20_000),
});
export type AdrDraft = z.output<typeof ZAdrDraft>;

export const DRAFT_FIELDS = [
  "title",
  "date",
  "deciders",
  "consulted",
  "informed",
  "context",
  "decisionDrivers",
  "consideredOptions",
  "decisionOutcome",
  "consequences",
  "validation",
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** A draft written before consulted and informed existed (stored revisions, seed records). */
export type AdrDraftInput = Omit<AdrDraft, "consulted" | "informed"> &
  Partial<Pick<AdrDraft, "consulted" | "informed">>;

export function completeDraft(draft: AdrDraftInput): AdrDraft {
  return { ...draft, consulted: draft.consulted ?? [], informed: draft.informed ?? [] };
}

export function draftOf(adr: AdrContent): AdrDraft {
  return {
    title: adr.title,
    date: adr.date,
    deciders: [...adr.deciders],
    consulted: [...adr.consulted],
    informed: [...adr.informed],
    context: adr.context,
    decisionDrivers: [...adr.decisionDrivers],
    consideredOptions: adr.consideredOptions.map((o) => ({ title: o.title, pros: [...o.pros], cons: [...o.cons] })),
    decisionOutcome: adr.decisionOutcome,
    consequences: adr.consequences,
    validation: adr.validation,
  };
}

// The digest's fields as they were before consulted and informed existed; those two join the
// canonical form only when they hold names, so every ADR recorded before hashes as it did.
const DIGESTED = [
  "title",
  "date",
  "deciders",
  "context",
  "decisionDrivers",
  "consideredOptions",
  "decisionOutcome",
  "consequences",
  "validation",
] as const;

/** SHA-256 of the content in a fixed field order: the same words always give the same digest. */
export function adrContentSha256(draft: AdrDraftInput): string {
  const complete = completeDraft(draft);
  const fields: [string, unknown][] = DIGESTED.map((field) => [field, complete[field]]);
  for (const field of ["consulted", "informed"] as const)
    if (complete[field].length > 0) fields.push([field, complete[field]]);
  return createHash("sha256").update(JSON.stringify(fields), "utf8").digest("hex");
}

/** A field as lines of text, for reading and for diffs. */
export function fieldLines(draft: AdrDraft, field: DraftField): string[] {
  const value = draft[field];
  if (value === null) return [];
  if (typeof value === "string") return value === "" ? [] : value.split("\n");
  if (field === "consideredOptions") {
    return draft.consideredOptions.flatMap((o) => [
      `${o.title}`,
      ...o.pros.map((p) => `  + ${p}`),
      ...o.cons.map((c) => `  − ${c}`),
    ]);
  }
  return (value as string[]).slice();
}
