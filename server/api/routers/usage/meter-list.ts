import { listMeters } from "../../../data/usage/meters";
import { orgProcedure } from "../../trpc";
import { ZEngagementMetersInput, ZMetersOut } from "./usage.schema";

export const listMetersProcedure = orgProcedure
  .input(ZEngagementMetersInput)
  .output(ZMetersOut)
  .query(({ ctx, input }) => listMeters(ctx.scope, input.engagementId));
