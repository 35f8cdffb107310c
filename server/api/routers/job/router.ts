import { createTRPCRouter } from "../../trpc";
import { listOrganisationJobs } from "./list";

export const jobRouter = createTRPCRouter({ list: listOrganisationJobs });
