import { documentWords, fill } from "./document-words";
import { z } from "zod";
import { formatMoney } from "./currency";
import type { Locale } from "./locale";

// Why an approval no longer stands, so the client asked to decide again sees why: newer evidence
// changed what was approved, or a change order changed the milestone's amount.

export const ZApprovalVoidReason = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("evidence_changed") }),
  z.object({
    kind: z.literal("amount_changed"),
    fromMinor: z.number().int(),
    toMinor: z.number().int(),
    changeOrderReason: z.string(),
  }),
]);
export type ApprovalVoidReason = z.infer<typeof ZApprovalVoidReason>;

/** What a reader is shown of a reason: the amounts only to someone who sees amounts. */
export const ZVisibleVoidReason = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("evidence_changed") }),
  z.object({
    kind: z.literal("amount_changed"),
    fromMinor: z.number().int().nullable(),
    toMinor: z.number().int().nullable(),
    changeOrderReason: z.string(),
  }),
]);
export type VisibleVoidReason = z.infer<typeof ZVisibleVoidReason>;

/** A stored reason as a reader may see it; rows voided before reasons were kept count as evidence changes. */
export function visibleVoidReason(stored: unknown, seesAmounts: boolean): VisibleVoidReason {
  const parsed = ZApprovalVoidReason.safeParse(stored);
  if (!parsed.success || parsed.data.kind === "evidence_changed") return { kind: "evidence_changed" };
  const reason = parsed.data;
  return {
    kind: "amount_changed",
    fromMinor: seesAmounts ? reason.fromMinor : null,
    toMinor: seesAmounts ? reason.toMinor : null,
    changeOrderReason: reason.changeOrderReason,
  };
}

/** Why, in a few words the reader's language: "a change order changed the amount from … to … (why)". */
export function describeVoidReason(reason: VisibleVoidReason, locale: Locale, currency: string): string {
  const words = documentWords(locale, "voidReason");
  if (reason.kind === "evidence_changed") return words.evidence;
  const change =
    reason.fromMinor !== null && reason.toMinor !== null
      ? fill(words.change, {
          from: formatMoney(reason.fromMinor, currency, locale),
          to: formatMoney(reason.toMinor, currency, locale),
        })
      : "";
  return fill(words.amount, {
    change,
    why: reason.changeOrderReason ? fill(words.why, { why: reason.changeOrderReason }) : "",
  });
}
