import { listJobs } from "../../../data/jobs/list";
import { JOB_NAMES } from "../../../jobs/names";
import { orgProcedure } from "../../trpc";
import { JOBS_PAGE_SIZE, ZJobPageOut, ZListJobsInput } from "./job.schema";

/** Owners only: the organisation's background jobs (queued, running, done, failed with the error), newest first. */
export const listOrganisationJobs = orgProcedure
  .input(ZListJobsInput)
  .output(ZJobPageOut)
  .query(async ({ ctx, input }) => {
    const { jobs, hasMore } = await listJobs(ctx.scope, JOB_NAMES, input.page, JOBS_PAGE_SIZE);
    return { jobs, page: input.page, hasMore };
  });
