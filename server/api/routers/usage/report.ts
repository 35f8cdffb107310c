import { usageReport } from "../../../data/usage/report";
import { orgProcedure } from "../../trpc";
import { ZUsageReportInput, ZUsageReportOut } from "./usage.schema";

/** A period's usage per meter, priced from the hourly rollups. */
export const usageReportProcedure = orgProcedure
  .input(ZUsageReportInput)
  .output(ZUsageReportOut)
  .query(({ ctx, input }) => usageReport(ctx.scope, input.engagementId, input.period));
