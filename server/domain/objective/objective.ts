import { z } from "zod";
import { storedDecimal } from "../sla/terms";
import { ZEntityId } from "../schemas";
import { ROI_LIMITS } from "../roi/inputs";

// An objective's fields, written once: the three-step anchoring of the field guide (what the client
// does today and what it costs -> the business goal in the client's words -> a technical target),
// and the one source its actual is read from. The form, the tRPC input, the stored columns, the
// REST answer and a proposal's objectives read these schemas.

/** All five comparators (the Comparator enum of the schema); an SLA clause uses the first four. */
export const TARGET_COMPARATORS = ["lte", "lt", "gte", "gt", "eq"] as const;
export const ZTargetComparator = z.enum(TARGET_COMPARATORS);
export type TargetComparator = z.infer<typeof ZTargetComparator>;

export const OBJECTIVE_VERDICTS = ["met", "not_met", "no_data"] as const;
export const ZObjectiveVerdict = z.enum(OBJECTIVE_VERDICTS);
export type ObjectiveVerdict = z.infer<typeof ZObjectiveVerdict>;

export const OBJECTIVE_SOURCE_KINDS = ["requirement", "sla_clause"] as const;
export const ZObjectiveSourceKind = z.enum(OBJECTIVE_SOURCE_KINDS);

/** A figure kept as Decimal(20, 6). */
export const ZObjectiveFigure = storedDecimal(z.number().finite(), 6, 1e14);

export const ZTechnicalTarget = z.strictObject({
  metric: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[a-z][a-z0-9_.]*$/, "a metric name: lowercase letters, digits, _ and ."),
  comparator: ZTargetComparator,
  value: ZObjectiveFigure,
  unit: z.string().trim().min(1).max(20),
  /** where the metric is a percentile of a distribution (P99 latency, P95 lag) */
  percentile: storedDecimal(z.number().gt(0).max(100), 4, 1000).nullable().default(null),
});
export type TechnicalTarget = z.infer<typeof ZTechnicalTarget>;

export const ZObjectiveCost = z.strictObject({
  /** null: not quantified yet */
  value: ZObjectiveFigure.nullable(),
  /** any unit: "hours/month", "% of exports", "hours of delay" */
  unit: z.string().trim().max(40),
});

export const ZObjectiveSource = z.strictObject({ kind: ZObjectiveSourceKind, id: ZEntityId });
export type ObjectiveSource = z.infer<typeof ZObjectiveSource>;

/** What a consultant writes (create and edit name every field). */
export const ZObjectiveFields = z.strictObject({
  pain: z.string().trim().min(1).max(300),
  observedBehaviour: z.string().trim().min(1).max(2000),
  cost: ZObjectiveCost.default({ value: null, unit: "" }),
  costPerQuarterMinor: z.number().int().min(0).max(ROI_LIMITS.maxCostPerQuarterMinor).nullable().default(null),
  businessGoal: z.string().trim().max(500).default(""),
  /** the target's metric as measured before the work, in the target's unit */
  baseline: ZObjectiveFigure.nullable().default(null),
  target: ZTechnicalTarget,
  /** the library entry the target was filled from (server/domain/objective/translations.ts) */
  translationKey: z.string().max(60).nullable().default(null),
  /** where the actual comes from: a gate requirement's newest verified evidence or an SLA clause's measurements */
  source: ZObjectiveSource.nullable().default(null),
});
export type ObjectiveFields = z.infer<typeof ZObjectiveFields>;
export type ObjectiveFieldsInput = z.input<typeof ZObjectiveFields>;

/** The answer of GET /api/v1/engagements/{id}/objectives (one item), the page and the portal. */
export const ZObjectiveView = z.object({
  id: z.string(),
  pain: z.string(),
  observedBehaviour: z.string(),
  cost: z.object({ value: z.number().nullable(), unit: z.string() }),
  costPerQuarterMinor: z.number().int().nullable(),
  businessGoal: z.string(),
  target: z.object({
    metric: z.string(),
    comparator: ZTargetComparator,
    value: z.number(),
    unit: z.string(),
    percentile: z.number().nullable(),
  }),
  baseline: z.number().nullable(),
  /** in the target's unit; null when the source has nothing verified or measured yet */
  actual: z.number().nullable(),
  verdict: ZObjectiveVerdict,
  source: z.object({ kind: ZObjectiveSourceKind, id: z.string() }).nullable(),
  /** what the source is called, for a reader who cannot look it up (the client in the portal) */
  sourceLabel: z
    .union([
      z.object({ milestoneId: z.string(), milestone: z.string(), requirementKind: z.string() }),
      z.object({ clause: z.string() }),
    ])
    .nullable(),
  /** when the actual was verified or measured, and what it is (e.g. "BenchmarkSyncBlock median") */
  actualAt: z.string().nullable(),
  actualDetail: z.string().nullable(),
  translationKey: z.string().nullable(),
});
export type ObjectiveView = z.infer<typeof ZObjectiveView>;

/** At most this many objectives per engagement (and per proposal). */
export const MAX_OBJECTIVES = 50;
