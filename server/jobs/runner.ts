import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { queueConnection, type QueueConnection } from "../data/jobs/connection";
import type { JobContext, QueueOptions } from "./definition";
import { JOB_NAMES, type JobName } from "./names";
import { JOBS } from "./registry";

// The durable job runner: pg-boss over the application database (its own `pgboss` schema, created
// and upgraded by pg-boss at start). Queues and schedules come from registry.ts.

export interface RunnerOptions {
  connection?: QueueConnection;
  /** fetch and run jobs (false: only enqueue) */
  work?: boolean;
  pollingIntervalSeconds?: number;
  /** tests shorten retry delays */
  queueOverrides?: Partial<Record<JobName, QueueOptions>>;
}

// finished jobs stay listed a day (failed ones a week) before the archive, 30 days in it
const RETENTION = {
  archiveCompletedAfterSeconds: 24 * 3600,
  archiveFailedAfterSeconds: 7 * 24 * 3600,
  deleteAfterDays: 30,
};

/** A job's id from its key: the same key gives the same id, and pg-boss inserts an id once. */
export function jobId(name: JobName, key: string): string {
  const hex = createHash("sha256").update(`${name}\u0000${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Two instances starting at once can deadlock creating the same queue's partition; one of them retries. */
async function retryOnDeadlock(work: () => Promise<void>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

export class JobRunner {
  private constructor(private readonly boss: PgBoss) {}

  static async start(options: RunnerOptions = {}): Promise<JobRunner> {
    const boss = new PgBoss({ ...(options.connection ?? queueConnection()), schema: "pgboss", ...RETENTION });
    boss.on("error", (error) => console.error("background jobs:", error));
    await boss.start();
    const runner = new JobRunner(boss);
    for (const name of JOB_NAMES) {
      const queue = { name, ...JOBS[name].queue, ...options.queueOverrides?.[name] };
      await retryOnDeadlock(() => boss.createQueue(name, queue));
      // a queue made by an older release keeps its policy; its retry settings follow the registry
      await boss.updateQueue(name, queue);
      const schedule = JOBS[name].schedule;
      if (schedule) await boss.schedule(name, schedule, {}, { tz: "UTC" });
    }
    if (options.work !== false) {
      for (const name of JOB_NAMES) {
        await boss.work(
          name,
          { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
          ([job]) => (job ? runner.run(name, job) : Promise.resolve()),
        );
      }
    }
    return runner;
  }

  /** Queues a job after checking its data; with `key`, a second job of the same name and key is not queued. */
  async enqueue(name: JobName, data: object, key?: string): Promise<void> {
    const parsed = JOBS[name].data.parse(data);
    await this.boss.send(name, parsed, key ? { id: jobId(name, key) } : {});
  }

  private async run(name: JobName, job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    const context: JobContext = {
      retryCount: job.retryCount,
      lastAttempt: job.retryCount >= job.retryLimit,
      enqueue: (next, data, key) => this.enqueue(next, data, key),
    };
    await JOBS[name].handle(JOBS[name].data.parse(job.data), context);
  }

  /** Stops fetching, lets running handlers finish (up to `timeoutMs`), then closes its connections. */
  async stop(timeoutMs = 10_000): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
  }
}
