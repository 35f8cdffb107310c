import type { JobDefinition } from "./definition";
import { deemedAcceptanceApply, deemedAcceptanceSweep } from "./handlers/deemed-acceptance";
import { maintenanceRenewalDraft, maintenanceRenewalSweep } from "./handlers/maintenance-renewal";
import { outboxDeliver, outboxSweep } from "./handlers/outbox";
import { evidenceProbeRecheck, evidenceProbeSweep } from "./handlers/probe-recheck";
import { roiSimulate } from "./handlers/roi-simulation";
import { slaProbeRun, slaProbeSweep } from "./handlers/sla-probe";
import type { JobName } from "./names";

// The one place background work is declared. To add a job (an SLA measurement, a renewal):
// 1. add its name to JOB_NAMES (names.ts) and a label under "jobs.names" in both message catalogs;
// 2. write its handler with defineJob in handlers/: zod data (with the organisationId it works
//    for, so its owner sees it), queue options (retries, backoff, expiry), and a cron `schedule`
//    for periodic work; a periodic job over many items is a sweep that enqueues one keyed job per item;
// 3. add it below. The runner creates its queue, schedule and worker from this table.
// Handlers must be idempotent: a job may run again after a crash or an expiry.
export const JOBS: { readonly [Name in JobName]: JobDefinition } = {
  "outbox-sweep": outboxSweep,
  "outbox-deliver": outboxDeliver,
  "deemed-acceptance-sweep": deemedAcceptanceSweep,
  "deemed-acceptance-apply": deemedAcceptanceApply,
  "evidence-probe-sweep": evidenceProbeSweep,
  "evidence-probe-recheck": evidenceProbeRecheck,
  "sla-probe-sweep": slaProbeSweep,
  "sla-probe-run": slaProbeRun,
  "roi-simulate": roiSimulate,
  "maintenance-renewal-sweep": maintenanceRenewalSweep,
  "maintenance-renewal-draft": maintenanceRenewalDraft,
};
