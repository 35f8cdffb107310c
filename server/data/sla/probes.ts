import type { ParsedMeasurements } from "../../domain/sla/measurements";
import { MINUTE_MS, windowStart } from "../../domain/sla/windows";
import { prisma } from "../prisma-client";
import { termsOfRow } from "./clauses";
import { ingestMeasurements, type IngestResult } from "./ingest";

// Independent sampling: clauses with a probe URL are probed once per slot of probeEveryMinutes
// (slots aligned since the epoch, like windows), and what the probe saw is recorded as any other
// measurement, by the system, under a key per slot: a probe repeated after a crash records nothing new.

export interface DueSlaProbe {
  organisationId: string;
  clauseId: string;
  url: string;
  everyMinutes: number;
  /** the slot this probe stands for: [slotStart, slotStart + everyMinutes) */
  slotStart: number;
}

/** What one probe of the endpoint saw (server/services/probes/http-probe.ts probeEndpoint). */
export interface ProbeObservation {
  up: boolean;
  elapsedMs: number;
  /** refused before contact (the URL is not public https): nothing about the endpoint was learnt */
  refused: boolean;
}

/** At most this many probes are started per sweep; the rest are due at the next. */
export const PROBES_PER_SWEEP = 500;

const isDue = (probeLastAt: Date | null, slotStart: number) =>
  probeLastAt === null || probeLastAt.getTime() < slotStart;

/** Clauses with a probe, not retired, not yet probed in their current slot. */
export async function findDueSlaProbes(now: Date): Promise<DueSlaProbe[]> {
  const rows = await prisma().slaClause.findMany({
    where: { probeUrl: { not: null }, probeEveryMinutes: { not: null }, retiredAt: null },
    select: { id: true, organisationId: true, probeUrl: true, probeEveryMinutes: true, probeLastAt: true },
    orderBy: [{ probeLastAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  });
  const due: DueSlaProbe[] = [];
  for (const row of rows) {
    const slotStart = windowStart(now.getTime(), row.probeEveryMinutes!);
    if (!isDue(row.probeLastAt, slotStart)) continue;
    due.push({
      organisationId: row.organisationId,
      clauseId: row.id,
      url: row.probeUrl!,
      everyMinutes: row.probeEveryMinutes!,
      slotStart,
    });
    if (due.length === PROBES_PER_SWEEP) break;
  }
  return due;
}

/** The clause's probe for that slot when it is still due (the clause may have changed since the sweep). */
export async function findSlaProbe(
  organisationId: string,
  clauseId: string,
  slotStart: number,
): Promise<DueSlaProbe | null> {
  const row = await prisma().slaClause.findFirst({
    where: { id: clauseId, organisationId, retiredAt: null, probeUrl: { not: null }, probeEveryMinutes: { not: null } },
    select: { probeUrl: true, probeEveryMinutes: true, probeLastAt: true },
  });
  if (!row || !isDue(row.probeLastAt, slotStart)) return null;
  return { organisationId, clauseId, url: row.probeUrl!, everyMinutes: row.probeEveryMinutes!, slotStart };
}

/** A latency measured in milliseconds, in the clause's unit (s, ms, us/µs); an unknown unit is taken as ms. */
export function latencyInUnit(elapsedMs: number, unit: string): number {
  const scale: Record<string, number> = { s: 1 / 1000, sec: 1 / 1000, ms: 1, us: 1000, µs: 1000 };
  return elapsedMs * (scale[unit.trim().toLowerCase()] ?? 1);
}

/**
 * Records one probe: availability -> the slot is down when the endpoint was (nothing when up); latency -> the
 * elapsed time as one sample (nothing when it did not answer). Then the clause's probe is marked done for the slot.
 */
export async function recordSlaProbe(
  probe: DueSlaProbe,
  observation: ProbeObservation,
  probedAt: Date,
): Promise<IngestResult | null> {
  const clause = await prisma().slaClause.findFirst({
    where: { id: probe.clauseId, organisationId: probe.organisationId },
  });
  if (!clause || clause.retiredAt) return null;
  const terms = termsOfRow(clause);
  const slotEnd = probe.slotStart + probe.everyMinutes * MINUTE_MS;
  let measurements: ParsedMeasurements | null = null;
  if (!observation.refused && terms.metric === "availability" && !observation.up)
    measurements = { kind: "downtime", downtime: [{ from: probe.slotStart, to: slotEnd }] };
  if (!observation.refused && terms.metric === "latency_percentile" && observation.up)
    measurements = {
      kind: "values",
      samples: [{ at: probedAt.getTime(), value: latencyInUnit(observation.elapsedMs, terms.unit) }],
    };
  const result = measurements
    ? await ingestMeasurements(
        { kind: "system", organisationId: probe.organisationId },
        {
          clauseId: probe.clauseId,
          idempotencyKey: `probe:${probe.clauseId}:${probe.slotStart}`,
          source: "probe",
          measurements,
        },
      )
    : null;
  await prisma().slaClause.updateMany({
    where: {
      id: probe.clauseId,
      organisationId: probe.organisationId,
      OR: [{ probeLastAt: null }, { probeLastAt: { lt: probedAt } }],
    },
    data: { probeLastAt: probedAt },
  });
  return result;
}
