import type { Adr } from "@prisma/client";
import type { ConsideredOption } from "../../domain/adr/adr";
import { completeDraft, type AdrDraft, type AdrDraftInput } from "../../domain/adr/draft";

// An ADR row's content as the domain's draft (the stored columns differ a little: drivers are one
// text, options JSON, the date a Date or null when unknown), and a stored revision's content as
// a draft (revisions kept before consulted and informed existed have neither).

export type AdrRow = Adr;

export function optionsOf(value: unknown): ConsideredOption[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((o) => {
    if (typeof o !== "object" || o === null) return [];
    const option = o as { title?: unknown; pros?: unknown; cons?: unknown };
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);
    return typeof option.title === "string"
      ? [{ title: option.title, pros: strings(option.pros), cons: strings(option.cons) }]
      : [];
  });
}

export function draftOfRow(
  row: Pick<
    Adr,
    | "title"
    | "decidedOn"
    | "deciders"
    | "consulted"
    | "informed"
    | "context"
    | "decisionDrivers"
    | "consideredOptions"
    | "decisionOutcome"
    | "consequences"
    | "validation"
  >,
): AdrDraft {
  return {
    title: row.title,
    date: row.decidedOn ? row.decidedOn.toISOString().slice(0, 10) : null,
    deciders: row.deciders,
    consulted: row.consulted,
    informed: row.informed,
    context: row.context,
    decisionDrivers: row.decisionDrivers
      .split("\n")
      .map((d) => d.trim())
      .filter(Boolean),
    consideredOptions: optionsOf(row.consideredOptions),
    decisionOutcome: row.decisionOutcome,
    consequences: row.consequences,
    validation: row.validation,
  };
}

export function draftOfRevision(content: unknown): AdrDraft {
  return completeDraft(content as AdrDraftInput);
}
