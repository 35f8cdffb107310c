import { processJobRunner, setProcessJobRunner } from "./process";
import { JobRunner } from "./runner";

// Starts this server process's job worker; TOLLGATE_DISABLE_JOBS=1 runs the server without one
// (end-to-end tests drive the clock themselves). With PGlite only one process may open the data
// directory, so there is one worker; on PostgreSQL every instance runs one and they share the queues.

let starting: Promise<void> | null = null;

export function startJobs(): Promise<void> {
  if (process.env.TOLLGATE_DISABLE_JOBS === "1") return Promise.resolve();
  starting ??= JobRunner.start()
    .then((runner) => {
      setProcessJobRunner(runner);
      const stop = () => void stopJobs();
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    })
    .catch((error: unknown) => console.error("background jobs did not start:", error));
  return starting;
}

export async function stopJobs(): Promise<void> {
  const runner = processJobRunner();
  setProcessJobRunner(undefined);
  await runner?.stop();
}
