import { z } from "zod";
import { PL_EFFECTS, PL_RECURRENCES, ROI_LIMITS, type PlEffect, type PlRecurrence } from "../roi/inputs";

// The P&L label of a technical decision: the account it hits, what it costs or saves, once or
// every quarter. Inputs carry it as four flat optional fields, all four or none; the ROI inputs
// read it from the ADR.

export interface AdrPl {
  account: string;
  amountMinor: number;
  recurrence: PlRecurrence;
  effect: PlEffect;
}

export const PL_FIELDS = ["plAccount", "plAmountMinor", "plRecurrence", "plEffect"] as const;

export const ZAdrPlFields = {
  plAccount: z.string().trim().min(1).max(60).optional(),
  plAmountMinor: z.number().int().positive().max(ROI_LIMITS.maxPlAmountMinor).optional(),
  plRecurrence: z.enum(PL_RECURRENCES).optional(),
  plEffect: z.enum(PL_EFFECTS).optional(),
};

export interface AdrPlFields {
  plAccount?: string | undefined;
  plAmountMinor?: number | undefined;
  plRecurrence?: PlRecurrence | undefined;
  plEffect?: PlEffect | undefined;
}

export const ZAdrPl = z.object({
  account: z.string(),
  amountMinor: z.number().int(),
  recurrence: z.enum(PL_RECURRENCES),
  effect: z.enum(PL_EFFECTS),
});

/** The fields missing from a partly given label; empty when all four or none are given. */
export function missingPlFields(fields: AdrPlFields): (typeof PL_FIELDS)[number][] {
  const missing = PL_FIELDS.filter((field) => fields[field] === undefined);
  return missing.length === PL_FIELDS.length ? [] : missing;
}

/** For a schema's superRefine: refuses a label given in part, naming what is missing. */
export function refinePlFields(fields: AdrPlFields, ctx: z.RefinementCtx): void {
  for (const field of missingPlFields(fields))
    ctx.addIssue({
      code: "custom",
      path: [field],
      message: `a P&L label needs all four of plAccount, plAmountMinor, plRecurrence and plEffect (or none); ${field} is missing`,
    });
}

/** The label the fields describe, or null when none is given (call after validation). */
export function plOf(fields: AdrPlFields): AdrPl | null {
  const { plAccount, plAmountMinor, plRecurrence, plEffect } = fields;
  if (plAccount === undefined || plAmountMinor === undefined || plRecurrence === undefined || plEffect === undefined)
    return null;
  return { account: plAccount, amountMinor: plAmountMinor, recurrence: plRecurrence, effect: plEffect };
}

/** The flat input fields of a label (none for null): what a form starts from. */
export function plFieldsOf(pl: AdrPl | null): AdrPlFields {
  return pl
    ? { plAccount: pl.account, plAmountMinor: pl.amountMinor, plRecurrence: pl.recurrence, plEffect: pl.effect }
    : {};
}
