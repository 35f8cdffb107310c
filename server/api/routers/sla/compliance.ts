import { orgProcedure } from "../../trpc";
import { presentCompliance } from "./present";
import { ZComplianceInput, ZComplianceOut } from "./sla.schema";

/** Every clause judged over the period, with its window values for the chart. */
export const compliance = orgProcedure
  .input(ZComplianceInput)
  .output(ZComplianceOut)
  .query(({ ctx, input }) => presentCompliance(ctx.scope, input.engagementId, input.period));
