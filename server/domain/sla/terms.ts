import { z } from "zod";
import { exactDecimal } from "./decimal";

// An SLA clause's terms, written once: the REST contract, the tRPC input, the clause form, the
// stored JSON columns and the compliance engine all read these schemas. The exact semantics
// (windows, incidents, credits) are in docs/adr/0015-sla-compliance-and-credits.md.

/** Per-window metrics are judged window by window; period metrics by their value over the period. */
export const SLA_METRICS = {
  latency_percentile: { judged: "window" },
  error_rate: { judged: "window" },
  gauge_max: { judged: "window" },
  availability: { judged: "period" },
  integrity: { judged: "period" },
} as const satisfies Record<string, { judged: "window" | "period" }>;

export type SlaMetric = keyof typeof SLA_METRICS;
export const ZSlaMetric = z.enum(Object.keys(SLA_METRICS) as [SlaMetric, ...SlaMetric[]]);
export const isWindowed = (metric: SlaMetric): boolean => SLA_METRICS[metric].judged === "window";

export const SLA_COMPARATORS = ["lte", "lt", "gte", "gt"] as const;
export const ZSlaComparator = z.enum(SLA_COMPARATORS);
export type SlaComparator = z.infer<typeof ZSlaComparator>;

export const SLA_PERIODS = ["month", "quarter", "year"] as const;
export const ZSlaPeriodKind = z.enum(SLA_PERIODS);
export type SlaPeriodKind = z.infer<typeof ZSlaPeriodKind>;

export const TRIGGER_DIRECTIONS = ["above", "below"] as const;

const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

export const ZTimeZone = z.string().min(1).max(64).refine(isTimeZone, "an IANA time zone, e.g. Asia/Shanghai");

const ZInstant = z.iso.datetime({ offset: true });

/** A figure stored as DECIMAL(p, places): at most `places` decimals and under `limit` in size, so it is kept exactly. */
export const storedDecimal = (schema: z.ZodNumber, places: number, limit: number) =>
  schema
    .refine((value) => Math.abs(value) < limit, `under ${limit.toExponential(0).replace("e+", "e")} in size`)
    .refine((value) => exactDecimal(value).scale <= places, `at most ${places} decimal places`);
const ZMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ZFinite = z.number().finite();

export const ZInterval = z
  .object({ from: ZInstant, to: ZInstant })
  .refine((i) => Date.parse(i.from) < Date.parse(i.to), "an interval ends after it starts");

export const ZExclusion = z
  .object({ from: ZInstant, to: ZInstant, reason: z.string().trim().max(200).default("") })
  .refine((i) => Date.parse(i.from) < Date.parse(i.to), "an exclusion ends after it starts");
export type SlaExclusion = z.infer<typeof ZExclusion>;

export const ZPerIncidentCredit = z.object({
  type: z.literal("per_incident"),
  perBreachedWindowMinor: ZMinor,
  capPerIncidentMinor: ZMinor,
  capPerPeriodMinor: ZMinor.nullable().default(null),
});

export const ZCreditTier = z.object({
  below: ZFinite,
  creditPct: z.number().min(0).max(100),
});

export const ZTieredCredit = z.object({
  type: z.literal("tiered"),
  baseMinor: ZMinor,
  tiers: z.array(ZCreditTier).min(1).max(20),
  capPerPeriodMinor: ZMinor.nullable().default(null),
});

export const ZSlaCredit = z.discriminatedUnion("type", [ZPerIncidentCredit, ZTieredCredit]);
export type SlaCredit = z.infer<typeof ZSlaCredit>;

export const ZSlaTrigger = z.object({
  when: z.enum(TRIGGER_DIRECTIONS),
  value: ZFinite,
  forMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 31),
  action: z.string().trim().min(1).max(200),
});
export type SlaTrigger = z.infer<typeof ZSlaTrigger>;

export const ZSlaProbe = z.object({
  url: z.url({ protocol: /^https$/ }).max(2000),
  everyMinutes: z.number().int().min(1).max(1440),
});
export type SlaProbe = z.infer<typeof ZSlaProbe>;

/** The fields of a clause's terms, for shapes that carry them beside others (a stored clause, a REST answer). */
export const termsShape = {
  title: z.string().trim().min(1).max(200),
  metric: ZSlaMetric,
  /** latency_percentile only: the percentile, e.g. 99 or 99.9 */
  percentile: storedDecimal(z.number().gt(0).max(100), 4, 1000).nullable().default(null),
  comparator: ZSlaComparator,
  target: storedDecimal(z.number().finite(), 6, 1e14),
  unit: z.string().trim().min(1).max(20),
  /** per-window metrics: the window length in minutes (windows align to multiples since the Unix epoch) */
  windowMinutes: z.number().int().min(1).max(1440).nullable().default(null),
  period: ZSlaPeriodKind,
  timezone: ZTimeZone.default("UTC"),
  exclusions: z.array(ZExclusion).max(500).default([]),
  credit: ZSlaCredit,
  triggers: z.array(ZSlaTrigger).max(10).default([]),
  measurementMethod: z.string().trim().max(1000).default(""),
  /** independent sampling: the client's HTTPS endpoint, probed every N minutes */
  probe: ZSlaProbe.nullable().default(null),
};

type TermsDraft = z.infer<z.ZodObject<typeof termsShape>>;

/** Rules that tie the fields together; each failure names its field, so a form can show it there. */
function checkTerms(terms: TermsDraft, ctx: z.RefinementCtx): void {
  const windowed = isWindowed(terms.metric);
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (terms.metric === "latency_percentile" && terms.percentile === null)
    issue("percentile", "a latency clause names its percentile, e.g. 99");
  if (terms.metric !== "latency_percentile" && terms.percentile !== null)
    issue("percentile", "only a latency clause has a percentile");
  if (windowed && terms.windowMinutes === null)
    issue("windowMinutes", `a ${terms.metric} clause is judged per window: give windowMinutes, e.g. 5`);
  if (!windowed && terms.windowMinutes !== null)
    issue("windowMinutes", `${terms.metric} is judged over the period; it has no window`);
  if (terms.credit.type === "per_incident" && !windowed)
    issue("credit", `${terms.metric} has no windows, so no incidents: use a tiered credit`);
  if (
    (terms.metric === "availability" || terms.metric === "integrity" || terms.metric === "error_rate") &&
    terms.unit !== "%"
  )
    issue("unit", `${terms.metric} is measured in %`);
  if (terms.triggers.length > 0 && !windowed)
    issue("triggers", "triggers watch window values: only per-window metrics have them");
  if (terms.probe && terms.metric !== "availability" && terms.metric !== "latency_percentile")
    issue("probe", "a probe records up/down (availability) or latency: not this metric");
  terms.exclusions.forEach((exclusion, index) => {
    if (Date.parse(exclusion.to) - Date.parse(exclusion.from) > 31 * 24 * 3600_000)
      ctx.addIssue({ code: "custom", path: ["exclusions", index], message: "an exclusion lasts at most 31 days" });
  });
}

export const ZSlaClauseTerms = z.object(termsShape).superRefine(checkTerms);
export type SlaClauseTerms = z.infer<typeof ZSlaClauseTerms>;
export type SlaClauseTermsInput = z.input<typeof ZSlaClauseTerms>;

/** An edit names every field again (a clause's terms are read and judged as a whole). */
export const ZSlaClauseEdit = ZSlaClauseTerms;

/** value `comparator` target: the window or period meets the clause. */
export function meets(value: number, comparator: SlaComparator, target: number): boolean {
  switch (comparator) {
    case "lte":
      return value <= target;
    case "lt":
      return value < target;
    case "gte":
      return value >= target;
    case "gt":
      return value > target;
  }
}
