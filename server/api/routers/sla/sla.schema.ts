import { z } from "zod";
import { ZEntityId, ZIdempotencyKey } from "../../../domain/schemas";
import { SLA_COMPARATORS, ZSlaClauseTerms, ZSlaMetric, type SlaClauseTerms } from "../../../domain/sla/terms";
import { ZIsoDate } from "../../../domain/engagement-plan";

// Inputs and outputs of the SLA procedures. A clause's terms are never re-declared here: inputs take
// ZSlaClauseTerms whole and outputs carry them as the domain parsed them.

/** YYYY-MM, YYYY-Qn or YYYY (a month, a quarter or a year). */
export const ZPeriodKey = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$/, "a period as YYYY-MM, YYYY-Qn or YYYY");

export const ZEngagementInput = z.strictObject({ engagementId: ZEntityId });
export const ZClausesInput = z.strictObject({ engagementId: ZEntityId, includeRetired: z.boolean().default(false) });
export const ZClauseInput = z.strictObject({ clauseId: ZEntityId });
export const ZCreateClauseInput = z.strictObject({ engagementId: ZEntityId, terms: ZSlaClauseTerms });
export const ZEditClauseInput = z.strictObject({ clauseId: ZEntityId, terms: ZSlaClauseTerms });
export const ZComplianceInput = z.strictObject({ engagementId: ZEntityId, period: ZPeriodKey });
export const ZActionItemInput = z.strictObject({ actionItemId: ZEntityId });
export const ZIssueSlaCreditNoteInput = z.strictObject({
  engagementId: ZEntityId,
  period: ZPeriodKey,
  issueDate: ZIsoDate.optional(),
});

/** Under the app's request limit (MAX_TRPC_BODY_BYTES, 1 MiB): larger files go through POST /api/v1/sla/measurements. */
export const MAX_UPLOAD_CHARS = 900 * 1024;
export const ZUploadMeasurementsInput = z.strictObject({
  clauseId: ZEntityId,
  format: z.enum(["csv", "k6"]),
  text: z
    .string()
    .min(1)
    .max(MAX_UPLOAD_CHARS, "an upload here is at most 900 KB; post larger sets to /api/v1/sla/measurements"),
  /** k6 only: the instant its summary's p(99) is recorded at (the end of the run) */
  at: z.iso.datetime({ offset: true }).optional(),
  idempotencyKey: ZIdempotencyKey,
});

const ZTerms = z.custom<SlaClauseTerms>((value) => ZSlaClauseTerms.safeParse(value).success);

export const ZClauseOut = z.object({
  id: z.string(),
  engagementId: z.string(),
  version: z.number().int(),
  measured: z.boolean(),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  terms: ZTerms,
});
export type ClauseOut = z.infer<typeof ZClauseOut>;

export const ZClauseVersionOut = z.object({
  version: z.number().int(),
  terms: ZTerms,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
});
export const ZClauseDetailOut = ZClauseOut.extend({ versions: z.array(ZClauseVersionOut) });

const ZIncidentOut = z.object({
  from: z.string(),
  to: z.string(),
  windows: z.number().int(),
  creditMinor: z.number().int().nullable(),
});

export const ZClauseComplianceOut = z.object({
  id: z.string(),
  title: z.string(),
  metric: ZSlaMetric,
  target: z.number(),
  comparator: z.enum(SLA_COMPARATORS),
  unit: z.string(),
  period: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  value: z.number().nullable(),
  met: z.boolean().nullable(),
  windows: z.object({
    total: z.number().int(),
    breached: z.number().int(),
    noData: z.number().int(),
    excluded: z.number().int(),
  }),
  incidents: z.array(ZIncidentOut),
  /** null: hidden from a client viewer of an engagement that hides amounts */
  creditMinor: z.number().int().nullable(),
  capped: z.boolean(),
  creditApplies: z.boolean(),
  version: z.number().int(),
  terms: ZTerms.nullable(),
  series: z.array(z.object({ start: z.string(), value: z.number() })),
});
export type ClauseComplianceOut = z.infer<typeof ZClauseComplianceOut>;

export const ZComplianceOut = z.object({
  engagementId: z.string(),
  period: z.string(),
  currency: z.string(),
  totalCreditMinor: z.number().int().nullable(),
  amountsHidden: z.boolean(),
  /** every clause's period has ended in its time zone: the period can be credited */
  closed: z.boolean(),
  clauses: z.array(ZClauseComplianceOut),
});
export type ComplianceOut = z.infer<typeof ZComplianceOut>;

export const ZActionItemOut = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(["open", "done"]),
  clauseId: z.string().nullable(),
  clauseTitle: z.string().nullable().optional(),
  episodeFrom: z.string().nullable(),
  episodeTo: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type ActionItemOut = z.infer<typeof ZActionItemOut>;

export const ZUploadOut = z.object({
  batchId: z.string(),
  accepted: z.number().int(),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  replayed: z.boolean(),
});
