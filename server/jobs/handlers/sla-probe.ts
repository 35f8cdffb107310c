import { z } from "zod";
import { findDueSlaProbes, findSlaProbe, recordSlaProbe } from "../../data/sla/probes";
import type { IngestResult } from "../../data/sla/ingest";
import { probeEndpoint, type EndpointProbe } from "../../services/probes/http-probe";
import { defineJob } from "../definition";

// Independent SLA sampling (issue 16, item 4): every minute the sweep finds the clauses whose probe
// slot has come and queues one probe per clause and slot; each probe goes through the SSRF-guarded
// prober and is recorded as the system's measurement (server/data/sla/probes.ts).

export const slaProbeSweep = defineJob({
  data: z.object({}),
  queue: { policy: "short", retryLimit: 0, expireInSeconds: 120 },
  schedule: "* * * * *",
  async handle(_data, job) {
    for (const due of await findDueSlaProbes(new Date())) {
      const { organisationId, clauseId, slotStart } = due;
      await job.enqueue("sla-probe-run", { organisationId, clauseId, slotStart }, `${clauseId}:${slotStart}`);
    }
  },
});

const ZProbeRun = z.object({ organisationId: z.string(), clauseId: z.string(), slotStart: z.number().int() });

/**
 * Probes one clause's endpoint for one slot and records what it saw; null when nothing was recorded (no longer due,
 * up for an availability clause, refused by the guard). `probe` is the guarded prober (tests point it at their server).
 */
export async function runSlaProbe(
  data: z.infer<typeof ZProbeRun>,
  probe: (url: string) => Promise<EndpointProbe> = (url) => probeEndpoint(url),
): Promise<IngestResult | null> {
  const due = await findSlaProbe(data.organisationId, data.clauseId, data.slotStart);
  if (!due) return null;
  const probedAt = new Date();
  const observation = await probe(due.url);
  return recordSlaProbe(due, observation, probedAt);
}

export const slaProbeRun = defineJob({
  data: ZProbeRun,
  // bounded above the prober's own timeouts; one retry, keyed by slot, so a retry records nothing twice
  queue: { retryLimit: 1, retryDelay: 30, expireInSeconds: 180 },
  async handle(data) {
    await runSlaProbe(data);
  },
});
