import { z } from "zod";
import { JOB_NAMES } from "../../../jobs/names";

export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export const JOBS_PAGE_SIZE = 25;

export const ZListJobsInput = z.strictObject({ page: z.number().int().min(1).max(10_000).default(1) });

export const ZJobOut = z.object({
  id: z.string(),
  name: z.enum(JOB_NAMES),
  state: z.enum(JOB_STATES),
  retryCount: z.number().int(),
  retryLimit: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});

export const ZJobPageOut = z.object({ jobs: z.array(ZJobOut), page: z.number().int(), hasMore: z.boolean() });
