import { listOrgEngagements } from "../../../data/engagement/read";
import { orgProcedure } from "../../trpc";
import { ZEngagementListOut } from "./engagement.schema";

export const listEngagements = orgProcedure
  .output(ZEngagementListOut)
  .query(({ ctx }) => listOrgEngagements(ctx.scope));
