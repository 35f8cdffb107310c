// Every background job's name, written once: the registry must define each (its type says so),
// the jobs page labels each, and the jobs read lists only these.
export const JOB_NAMES = [
  "outbox-sweep",
  "outbox-deliver",
  "deemed-acceptance-sweep",
  "deemed-acceptance-apply",
  "evidence-probe-sweep",
  "evidence-probe-recheck",
  "sla-probe-sweep",
  "sla-probe-run",
  "roi-simulate",
  "maintenance-renewal-sweep",
  "maintenance-renewal-draft",
] as const;

export type JobName = (typeof JOB_NAMES)[number];
