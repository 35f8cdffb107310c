import { z } from "zod";

// The rules an OpenSLO v1 `kind: SLO` document must follow, as the spec's README states them and
// the OpenSLO Go SDK (github.com/OpenSLO/go-sdk, pkg/openslo/v1: objects.go, slo.go, sli.go,
// duration_shorthand.go) enforces them, for the export's tests.

export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const ANNOTATION_KEY =
  /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\/)?[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const ZDuration = z.string().regex(/^[1-9]\d*[mhdwMQY]$/);
const ZTimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
});
const ZMetadata = z.object({
  name: z.string().regex(DNS_LABEL),
  displayName: z
    .string()
    .refine((s) => [...s].length <= 63)
    .optional(),
  annotations: z.record(z.string().regex(ANNOTATION_KEY), z.string()).optional(),
});
const ZMetricSpec = z.object({
  metricSource: z.object({
    metricSourceRef: z.string().regex(DNS_LABEL).optional(),
    type: z.string().optional(),
    spec: z.record(z.string(), z.unknown()).refine((spec) => Object.keys(spec).length > 0),
  }),
});
const ZRatio = z
  .object({
    counter: z.boolean().optional(),
    good: ZMetricSpec.optional(),
    bad: ZMetricSpec.optional(),
    total: ZMetricSpec.optional(),
    raw: ZMetricSpec.optional(),
    rawType: z.enum(["success", "failure"]).optional(),
  })
  .refine((r) => (r.total ? !r.raw && !!r.good !== !!r.bad : !!r.raw && !!r.rawType && !r.good && !r.bad));
const ZIndicator = z.object({
  metadata: ZMetadata,
  spec: z
    .object({
      description: z.string().max(1050).optional(),
      thresholdMetric: ZMetricSpec.optional(),
      ratioMetric: ZRatio.optional(),
    })
    .refine((s) => !!s.thresholdMetric !== !!s.ratioMetric, "thresholdMetric or ratioMetric"),
});
const ZObjective = z
  .object({
    displayName: z.string().optional(),
    op: z.enum(["lte", "gte", "lt", "gt"]).optional(),
    value: z.number().optional(),
    target: z.number().min(0).lt(1).optional(),
    targetPercent: z.number().min(0).lt(100).optional(),
    timeSliceTarget: z.number().gt(0).max(1).optional(),
    timeSliceWindow: z.union([ZDuration, z.number()]).optional(),
  })
  .refine((o) => (o.target === undefined) !== (o.targetPercent === undefined), "target or targetPercent");
export const ZSlo = z
  .object({
    apiVersion: z.literal("openslo/v1"),
    kind: z.literal("SLO"),
    metadata: ZMetadata,
    spec: z.object({
      description: z.string().max(1050).optional(),
      service: z.string().min(1),
      indicator: ZIndicator.optional(),
      indicatorRef: z.string().regex(DNS_LABEL).optional(),
      timeWindow: z
        .array(
          z
            .object({
              duration: ZDuration,
              isRolling: z.boolean().optional(),
              calendar: z
                .object({ startTime: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), timeZone: ZTimeZone })
                .optional(),
            })
            .refine((w) => (w.isRolling ? !w.calendar : !!w.calendar), "calendar exactly when not rolling"),
        )
        .length(1)
        .optional(),
      budgetingMethod: z.enum(["Occurrences", "Timeslices", "RatioTimeslices"]),
      objectives: z.array(ZObjective).min(1),
      alertPolicies: z.array(z.unknown()).nullish(),
    }),
  })
  .refine((slo) => !!slo.spec.indicator !== !!slo.spec.indicatorRef, "indicator or indicatorRef")
  .refine(
    (slo) =>
      slo.spec.budgetingMethod !== "Timeslices" ||
      slo.spec.objectives.every((o) => o.timeSliceTarget !== undefined && o.timeSliceWindow !== undefined),
    "Timeslices objectives name timeSliceTarget and timeSliceWindow",
  )
  .refine(
    (slo) =>
      !slo.spec.indicator?.spec.thresholdMetric ||
      (slo.spec.objectives.length === 1 && slo.spec.objectives.every((o) => o.op && o.value !== undefined)),
    "a thresholdMetric SLO has one objective with op and value",
  );
