import { z } from "zod";
import { ZEntityId, ZIdempotencyKey } from "../schemas";
import type { Span } from "./report";
import type { SlaMetric } from "./terms";

// Measurements as they arrive (REST, CSV, a k6 summary, a probe), checked item by item against the
// clause's metric before anything is stored. Times are ISO-8601 with an offset at the edge and
// epoch milliseconds inside.

export const MEASUREMENT_LIMITS = { maxItems: 100_000, maxBytes: 5 * 1024 * 1024 } as const;

export type ParsedMeasurements =
  | { kind: "values"; samples: { at: number; value: number }[] }
  | { kind: "error_rate"; samples: { at: number; errors: number; requests: number }[] }
  | { kind: "downtime"; downtime: Span[] }
  | { kind: "checks"; checks: { at: number; expected: string; observed: string }[] };

export type MeasurementKind = ParsedMeasurements["kind"];

/** What each metric is measured by, and the body field (and CSV columns) that carries it. */
export const MEASUREMENT_SHAPES = {
  latency_percentile: { kind: "values", field: "samples", columns: ["at", "value"] },
  gauge_max: { kind: "values", field: "samples", columns: ["at", "value"] },
  error_rate: { kind: "error_rate", field: "samples", columns: ["at", "errors", "requests"] },
  availability: { kind: "downtime", field: "downtime", columns: ["from", "to"] },
  integrity: { kind: "checks", field: "checks", columns: ["at", "expected", "observed"] },
} as const satisfies Record<SlaMetric, { kind: MeasurementKind; field: string; columns: readonly string[] }>;

const ZInstant = z.iso.datetime({
  offset: true,
  error: "expected an ISO-8601 time with an offset, e.g. 2026-11-03T10:00:00Z",
});
// a window's sums stay exact (and in a bigint) however many postings land in it
const ZCount = z
  .int({ error: "expected an integer >= 0" })
  .min(0, "expected an integer >= 0")
  .max(1e12, "expected at most 1,000,000,000,000");
const ZDigest = z.string({ error: "expected a string" }).min(1, "expected a non-empty string").max(512);

export const ZValueSample = z.object({ at: ZInstant, value: z.number({ error: "expected a finite number" }) });
export const ZErrorRateSample = z
  .object({ at: ZInstant, errors: ZCount, requests: ZCount })
  .refine((s) => s.errors <= s.requests, { path: ["errors"], message: "expected errors <= requests" });
export const ZDowntime = z
  .object({ from: ZInstant, to: ZInstant })
  .refine((d) => Date.parse(d.from) < Date.parse(d.to), { path: ["to"], message: "expected to after from" });
export const ZIntegrityCheck = z.object({ at: ZInstant, expected: ZDigest, observed: ZDigest });

const items = (description: string) => z.array(z.unknown()).optional().meta({ description });

/**
 * The body of POST /api/v1/sla/measurements as first read: the envelope. Items are checked one by one against the
 * clause's metric afterwards (checkMeasurements), so the refusal can name the first bad index.
 */
export const ZMeasurementEnvelope = z
  .strictObject({
    clauseId: ZEntityId,
    idempotencyKey: ZIdempotencyKey,
    samples: items("latency or gauge: [{at, value}]; error rate: [{at, errors, requests}]"),
    downtime: items("availability: [{from, to}]"),
    checks: items("integrity: [{at, expected, observed}]"),
  })
  .refine((body) => [body.samples, body.downtime, body.checks].filter((list) => list !== undefined).length === 1, {
    message: "send exactly one of samples, downtime or checks",
  });
export type MeasurementEnvelope = z.infer<typeof ZMeasurementEnvelope>;

/** More items than one request may carry (answered like a body over the byte limit). */
export function exceedsItemLimit(envelope: MeasurementEnvelope): boolean {
  const count = (envelope.samples ?? envelope.downtime ?? envelope.checks ?? []).length;
  return count > MEASUREMENT_LIMITS.maxItems;
}

export type CheckedMeasurements = { ok: true; measurements: ParsedMeasurements } | { ok: false; reasons: string[] };

function firstBad<S extends z.ZodType>(
  schema: S,
  list: readonly unknown[],
  field: string,
): { ok: true; items: z.output<S>[] } | { ok: false; reasons: string[] } {
  const parsed: z.output<S>[] = new Array(list.length);
  for (let index = 0; index < list.length; index += 1) {
    const result = schema.safeParse(list[index]);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = [`${field}[${index}]`, ...(issue?.path ?? []).map(String)].join(".");
      return { ok: false, reasons: [`${where}: ${issue?.message ?? "invalid"}`] };
    }
    parsed[index] = result.data;
  }
  return { ok: true, items: parsed };
}

/** Items of the list `field` checked against the metric's shape; the first bad one is named, nothing else kept. */
export function checkMeasurementItems(metric: SlaMetric, field: string, list: readonly unknown[]): CheckedMeasurements {
  const shape = MEASUREMENT_SHAPES[metric];
  if (field !== shape.field)
    return {
      ok: false,
      reasons: [`${field}: a ${metric} clause takes ${shape.field} [{${shape.columns.join(", ")}}]`],
    };
  switch (shape.kind) {
    case "values": {
      const checked = firstBad(ZValueSample, list, field);
      if (!checked.ok) return checked;
      return { ok: true, measurements: { kind: "values", samples: checked.items.map(valueSample) } };
    }
    case "error_rate": {
      const checked = firstBad(ZErrorRateSample, list, field);
      if (!checked.ok) return checked;
      const samples = checked.items.map((s) => ({ at: Date.parse(s.at), errors: s.errors, requests: s.requests }));
      return { ok: true, measurements: { kind: "error_rate", samples } };
    }
    case "downtime": {
      const checked = firstBad(ZDowntime, list, field);
      if (!checked.ok) return checked;
      const downtime = checked.items.map((d) => ({ from: Date.parse(d.from), to: Date.parse(d.to) }));
      return { ok: true, measurements: { kind: "downtime", downtime } };
    }
    case "checks": {
      const checked = firstBad(ZIntegrityCheck, list, field);
      if (!checked.ok) return checked;
      const checks = checked.items.map((c) => ({ at: Date.parse(c.at), expected: c.expected, observed: c.observed }));
      return { ok: true, measurements: { kind: "checks", checks } };
    }
  }
}

const valueSample = (s: z.output<typeof ZValueSample>) => ({ at: Date.parse(s.at), value: s.value });

/** The envelope's items checked against the clause's metric. */
export function checkMeasurements(metric: SlaMetric, envelope: MeasurementEnvelope): CheckedMeasurements {
  if (envelope.samples) return checkMeasurementItems(metric, "samples", envelope.samples);
  if (envelope.downtime) return checkMeasurementItems(metric, "downtime", envelope.downtime);
  return checkMeasurementItems(metric, "checks", envelope.checks ?? []);
}

/** The measurements' count and the instants they span ([first, last]; downtime: first start to last end). */
export function measurementExtent(measurements: ParsedMeasurements): { count: number; span: Span | null } {
  const instants: number[] =
    measurements.kind === "values" || measurements.kind === "error_rate"
      ? measurements.samples.map((s) => s.at)
      : measurements.kind === "checks"
        ? measurements.checks.map((c) => c.at)
        : measurements.downtime.flatMap((d) => [d.from, d.to]);
  const count =
    measurements.kind === "downtime"
      ? measurements.downtime.length
      : measurements.kind === "checks"
        ? measurements.checks.length
        : measurements.samples.length;
  if (instants.length === 0) return { count, span: null };
  let from = Infinity;
  let to = -Infinity;
  for (const at of instants) {
    if (at < from) from = at;
    if (at > to) to = at;
  }
  return { count, span: { from, to } };
}

/** The kind a metric's measurements must be (a k6 summary is latency values, a probe's up/down is downtime). */
export function measurementKindOf(metric: SlaMetric): MeasurementKind {
  return MEASUREMENT_SHAPES[metric].kind;
}
