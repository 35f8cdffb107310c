import type { ParsedMeasurements } from "../../domain/sla/measurements";
import { errorRateValue, gaugeMaxValue, latencyValue, MINUTE_MS, windowStart } from "../../domain/sla/windows";
import type { Tx } from "../prisma-client";
import { EPOCH, fromEpochMs, numberList, storeWindowAggregates, type WindowTerms } from "./window-sql";

// The window cache after a posting. A window that held no samples before the posting is valued
// here from the posting's own samples (by the domain's functions); a window that already held
// samples is recomputed in SQL from all of them. Monitoring posts recent data, so nearly every
// window is new and the cache costs one INSERT; a re-posted range falls back to SQL for its windows.
// The clause row is locked by the caller, so no other posting adds samples meanwhile.

type Samples = Extract<ParsedMeasurements, { kind: "values" | "error_rate" }>["samples"];

/** Starts of the windows in [from, to) that hold samples already (run before the posting's samples are stored). */
export async function occupiedWindows(tx: Tx, clauseId: string, terms: WindowTerms, samples: Samples) {
  if (samples.length === 0) return new Set<number>();
  const minutes = terms.windowMinutes!;
  let from = Infinity;
  let to = -Infinity;
  for (const { at } of samples) {
    if (at < from) from = at;
    if (at > to) to = at;
  }
  const lengthMs = minutes * MINUTE_MS;
  const [row] = await tx.$queryRawUnsafe<{ starts: string | null }[]>(
    `SELECT string_agg(DISTINCT (extract(epoch FROM date_bin(${lengthMs} * interval '1 millisecond', "at", ${EPOCH})) * 1000)::bigint::text, ',') AS starts
     FROM "SlaSample" WHERE "clauseId" = $1 AND "at" >= ${fromEpochMs("$2::bigint")} AND "at" < ${fromEpochMs("$3::bigint")}`,
    clauseId,
    windowStart(from, minutes),
    windowStart(to, minutes) + lengthMs,
  );
  return new Set(row?.starts ? row.starts.split(",").map(Number) : []);
}

interface NewWindow {
  start: number;
  value: number;
  samples: number;
  errors: number | null;
  requests: number | null;
}

function valueNewWindows(terms: WindowTerms, samples: Samples, occupied: Set<number>): NewWindow[] {
  const minutes = terms.windowMinutes!;
  const groups = new Map<number, Samples>();
  for (const sample of samples) {
    const start = windowStart(sample.at, minutes);
    if (occupied.has(start)) continue;
    const group = groups.get(start);
    if (group) (group as unknown[]).push(sample);
    else groups.set(start, [sample] as Samples);
  }
  const windows: NewWindow[] = [];
  for (const [start, group] of groups) {
    if (terms.metric === "error_rate") {
      let errors = 0;
      let requests = 0;
      for (const s of group as { errors: number; requests: number }[]) {
        errors += s.errors;
        requests += s.requests;
      }
      const value = errorRateValue(errors, requests);
      if (value !== null) windows.push({ start, value, samples: group.length, errors, requests });
      continue;
    }
    const values = (group as { value: number }[]).map((s) => s.value);
    const value = terms.metric === "gauge_max" ? gaugeMaxValue(values) : latencyValue(values, terms.percentile!);
    if (value !== null) windows.push({ start, value, samples: group.length, errors: null, requests: null });
  }
  return windows;
}

/** Refreshes the cache of every window the posting touched (`occupied`: from occupiedWindows, before the insert). */
export async function refreshWindows(
  tx: Tx,
  clauseId: string,
  terms: WindowTerms,
  samples: Samples,
  occupied: Set<number>,
): Promise<void> {
  const minutes = terms.windowMinutes!;
  const recompute = new Set<number>();
  for (const { at } of samples) {
    const start = windowStart(at, minutes);
    if (occupied.has(start)) recompute.add(start);
  }
  if (recompute.size > 0) await storeWindowAggregates(tx, clauseId, terms, { kind: "starts", starts: [...recompute] });
  const fresh = valueNewWindows(terms, samples, occupied);
  if (fresh.length === 0) return;
  const rates = terms.metric === "error_rate";
  await tx.$executeRawUnsafe(
    `INSERT INTO "SlaWindow" ("clauseId", "start", "value", "samples", "errors", "requests")
     SELECT $1, ${fromEpochMs("t.start")}, t.value, t.samples, ${rates ? "t.errors, t.requests" : "NULL, NULL"}
     FROM unnest(string_to_array($2, ',')::bigint[], string_to_array($3, ',')::float8[], string_to_array($4, ',')::int[],
       string_to_array($5, ',')::bigint[], string_to_array($6, ',')::bigint[]) AS t(start, value, samples, errors, requests)
     ON CONFLICT ("clauseId", "start") DO UPDATE SET "value" = EXCLUDED."value", "samples" = EXCLUDED."samples",
       "errors" = EXCLUDED."errors", "requests" = EXCLUDED."requests"`,
    clauseId,
    numberList(fresh.map((w) => w.start)),
    numberList(fresh.map((w) => w.value)),
    numberList(fresh.map((w) => w.samples)),
    rates ? numberList(fresh.map((w) => w.errors!)) : "",
    rates ? numberList(fresh.map((w) => w.requests!)) : "",
  );
}
