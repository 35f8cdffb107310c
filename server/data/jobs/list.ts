import { prisma } from "../prisma-client";
import type { OrgScope } from "../scope";
import { DataRefusal } from "../refusal";

// The organisation's background jobs as pg-boss keeps them: live jobs in pgboss.job, finished
// ones moved to pgboss.archive until deleted. Each job names the organisation it works for in its
// data; sweeps that work for nobody in particular carry none and are never shown.

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

export interface JobView<Name extends string = string> {
  id: string;
  name: Name;
  state: JobState;
  retryCount: number;
  retryLimit: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

export interface JobPage<Name extends string = string> {
  jobs: JobView<Name>[];
  hasMore: boolean;
}

export class JobsRefusal extends DataRefusal<"FORBIDDEN"> {
  override name = "JobsRefusal";
}

type Row = {
  id: string;
  name: string;
  state: JobState;
  retry_count: number;
  retry_limit: number;
  error: string | null;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
};

/** Owners only: newest first, `pageSize` per page; empty until the queue has created its tables. */
export async function listJobs<Name extends string>(
  scope: OrgScope,
  names: readonly Name[],
  page: number,
  pageSize: number,
): Promise<JobPage<Name>> {
  if (scope.role !== "owner")
    throw new JobsRefusal("FORBIDDEN", ["only the organisation's owner sees its background jobs"]);
  const [installed] = await prisma().$queryRaw<
    { ready: boolean }[]
  >`SELECT to_regclass('pgboss.archive') IS NOT NULL AS ready`;
  if (!installed?.ready) return { jobs: [], hasMore: false };
  const rows = await prisma().$queryRawUnsafe<Row[]>(
    `SELECT id::text, name, state::text AS state, retry_count, retry_limit, output->>'message' AS error,
            created_on, started_on, completed_on
       FROM (SELECT id, name, data, state, retry_count, retry_limit, output, created_on, started_on, completed_on
               FROM pgboss.job
             UNION ALL
             SELECT id, name, data, state, retry_count, retry_limit, output, created_on, started_on, completed_on
               FROM pgboss.archive) AS jobs
      WHERE data->>'organisationId' = $1 AND name = ANY($2::text[])
      ORDER BY created_on DESC, id DESC
      LIMIT $3 OFFSET $4`,
    scope.organisationId,
    [...names],
    pageSize + 1,
    (page - 1) * pageSize,
  );
  return {
    jobs: rows.slice(0, pageSize).map((row) => ({
      id: row.id,
      // only these names are selected
      name: row.name as Name,
      state: row.state,
      retryCount: row.retry_count,
      retryLimit: row.retry_limit,
      // a failure the handler could not complete keeps pg-boss's own output (e.g. an expiry)
      error: row.state === "failed" || row.state === "retry" ? (row.error ?? null) : null,
      createdAt: row.created_on.toISOString(),
      startedAt: row.started_on?.toISOString() ?? null,
      completedAt: row.completed_on?.toISOString() ?? null,
    })),
    hasMore: rows.length > pageSize,
  };
}
