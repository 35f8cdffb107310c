import type PgBoss from "pg-boss";
import type { z } from "zod";
import type { JobName } from "./names";

/** What a handler learns about its run, and how it queues follow-up work. */
export interface JobContext {
  /** 0 on the first attempt */
  retryCount: number;
  /** no retry follows if this attempt fails */
  lastAttempt: boolean;
  /** Queues a job; with `key`, at most one job per (name, key) until it is archived. */
  enqueue(name: JobName, data: object, key?: string): Promise<void>;
}

export type QueueOptions = Pick<
  PgBoss.Queue,
  "policy" | "retryLimit" | "retryDelay" | "retryBackoff" | "expireInSeconds"
>;

export interface JobDefinition<Data extends object = object> {
  /** parsed before the handler runs; a job working for an organisation carries its organisationId */
  data: z.ZodType<Data>;
  queue: QueueOptions;
  /** cron in UTC: the job is also sent on this schedule (once across all instances) */
  schedule?: string;
  handle(data: Data, job: JobContext): Promise<void>;
}

export function defineJob<Data extends object>(definition: JobDefinition<Data>): JobDefinition<Data> {
  return definition;
}
