import type { Adr } from "@prisma/client";
import type { ConsideredOption } from "../../domain/adr/adr";
import { completeDraft, type AdrDraft, type AdrDraftInput } from "../../domain/adr/draft";
import type { AdrPl } from "../../domain/adr/pl";
import type { PlEffect, PlRecurrence } from "../../domain/roi/inputs";
import { toMinor } from "../prisma-client";

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

/** The ADR's P&L label; the four columns are written together, so one null means none. */
export function plOfRow(row: Pick<Adr, "plAccount" | "plAmountMinor" | "plRecurrence" | "plEffect">): AdrPl | null {
  if (row.plAccount === null || row.plAmountMinor === null || row.plRecurrence === null || row.plEffect === null)
    return null;
  return {
    account: row.plAccount,
    amountMinor: toMinor(row.plAmountMinor),
    recurrence: row.plRecurrence as PlRecurrence,
    effect: row.plEffect as PlEffect,
  };
}

export function plColumns(pl: AdrPl | null) {
  return {
    plAccount: pl?.account ?? null,
    plAmountMinor: pl ? BigInt(pl.amountMinor) : null,
    plRecurrence: pl?.recurrence ?? null,
    plEffect: pl?.effect ?? null,
  };
}

/** A revision's label: kept beside the draft in its content since labels exist (null before). */
export function plOfRevision(content: unknown): AdrPl | null {
  const pl = (content as { pl?: AdrPl | null } | null)?.pl;
  return pl ?? null;
}
