import { z } from "zod";
import { ADR_STATUSES } from "../../../domain/adr/adr";
import { DRAFT_FIELDS, ZAdrDraft } from "../../../domain/adr/draft";
import { refinePlFields, ZAdrPl, ZAdrPlFields } from "../../../domain/adr/pl";
import { ZEntityId, ZSha256 } from "../../../domain/schemas";

const ZValidation = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("requirement"),
    id: z.string(),
    label: z.string(),
    verdict: z.enum(["pass", "fail", "none"]),
    checkedAt: z.string().nullable(),
    evidenceSha256: z.string().nullable(),
    reasons: z.array(z.string()),
  }),
  z.strictObject({
    kind: z.literal("sla"),
    id: z.string(),
    label: z.string(),
    verdict: z.enum(["met", "missed", "none"]),
    checkedAt: z.string().nullable(),
    value: z.string().nullable(),
    target: z.string(),
  }),
]);

export const ZAdrOut = z.object({
  id: z.string(),
  number: z.number().int(),
  revision: z.number().int(),
  contentSha256: z.string(),
  title: z.string(),
  status: z.enum(ADR_STATUSES),
  /** the status an imported file gave, when not one of ours (`status` is the nearest) */
  importedStatus: z.string().nullable(),
  /** YYYY-MM-DD, or null: unknown */
  date: z.string().nullable(),
  deciders: z.array(z.string()),
  consulted: z.array(z.string()),
  informed: z.array(z.string()),
  context: z.string(),
  decisionDrivers: z.array(z.string()),
  consideredOptions: z.array(z.object({ title: z.string(), pros: z.array(z.string()), cons: z.array(z.string()) })),
  decisionOutcome: z.string(),
  consequences: z.string(),
  validation: z.string(),
  supersededBy: z.number().int().nullable(),
  supersedes: z.number().int().nullable(),
  validationLink: ZValidation.nullable(),
  /** the P&L label, in the engagement's currency (null when none, and always for client users) */
  pl: ZAdrPl.extend({ currency: z.string() }).nullable(),
  acknowledgements: z.array(
    z.object({ by: z.string(), at: z.string(), contentSha256: z.string(), current: z.boolean(), mine: z.boolean() }),
  ),
});

export const ZAdrRevisionOut = z.object({
  revision: z.number().int(),
  at: z.string(),
  by: z.string().nullable(),
  contentSha256: z.string(),
  /** the P&L label as saved in this revision (null: none, or saved before labels were kept) */
  pl: ZAdrPl.nullable(),
  changes: z.array(
    z.object({
      field: z.enum(DRAFT_FIELDS),
      lines: z.array(z.object({ op: z.enum(["same", "add", "remove"]), text: z.string() })),
    }),
  ),
});

export type AdrOut = z.infer<typeof ZAdrOut>;
export type AdrRevisionOut = z.infer<typeof ZAdrRevisionOut>;

export const ZEngagementAdrsInput = z.strictObject({ engagementId: ZEntityId });
export const ZAdrInput = z.strictObject({ adrId: ZEntityId });
// the P&L label travels beside the draft: it is not part of the text a client acknowledges
export const ZCreateAdrInput = z
  .strictObject({
    engagementId: ZEntityId,
    status: z.enum(["proposed", "accepted"]).default("proposed"),
    draft: ZAdrDraft,
    ...ZAdrPlFields,
  })
  .superRefine(refinePlFields);
/** the label sent replaces the one saved: none sent, none kept */
export const ZEditAdrInput = z
  .strictObject({ adrId: ZEntityId, revision: z.number().int().min(1), draft: ZAdrDraft, ...ZAdrPlFields })
  .superRefine(refinePlFields);
export const ZSetAdrStatusInput = z.strictObject({ adrId: ZEntityId, status: z.enum(ADR_STATUSES) });
export const ZSupersedeAdrInput = z
  .strictObject({ adrId: ZEntityId, draft: ZAdrDraft, ...ZAdrPlFields })
  .superRefine(refinePlFields);
export const ZLinkValidationInput = z.strictObject({
  adrId: ZEntityId,
  target: z
    .discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("requirement"), id: ZEntityId }),
      z.strictObject({ kind: z.literal("sla"), id: ZEntityId }),
    ])
    .nullable(),
});
export const ZAcknowledgeAdrInput = z.strictObject({ adrId: ZEntityId, contentSha256: ZSha256 });

export const ZAdrNumberOut = z.object({ id: z.string(), number: z.number().int() });
export const ZAdrRevisionWrittenOut = z.object({ revision: z.number().int(), contentSha256: z.string() });
export const ZAdrStatusOut = z.object({ status: z.enum(ADR_STATUSES) });
export const ZValidationTargetOut = z.object({
  kind: z.enum(["requirement", "sla"]),
  id: z.string(),
  label: z.string(),
});
export const ZAcknowledgementOut = z.object({ contentSha256: z.string(), acknowledgedAt: z.string() });
