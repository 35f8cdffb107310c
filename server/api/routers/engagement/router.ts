import { createTRPCRouter } from "../../trpc";
import { getEngagement } from "./get";
import { listEngagements } from "./list";

export const engagementRouter = createTRPCRouter({ list: listEngagements, get: getEngagement });
