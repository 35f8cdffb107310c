import type { JobName } from "./names";
import type { JobRunner } from "./runner";

// The job runner this server process started, if any. Request code nudges it (e.g. "deliver the
// outbox now") without importing the runner, which would pull every handler into the request path.

const KEY = Symbol.for("tollgate.jobs");
type Holder = { [KEY]?: JobRunner };

export function processJobRunner(): JobRunner | undefined {
  return (globalThis as Holder)[KEY];
}

export function setProcessJobRunner(runner: JobRunner | undefined): void {
  (globalThis as Holder)[KEY] = runner;
}

/** Queues a job on this process's runner; without one (jobs disabled) the next scheduled sweep does the work. */
export async function requestJob(name: JobName, data: object, key?: string): Promise<void> {
  const runner = processJobRunner();
  if (!runner) return;
  await runner.enqueue(name, data, key).catch((error: unknown) => console.error(`queueing ${name} failed:`, error));
}
