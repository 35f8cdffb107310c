import { findClientEngagement } from "../../../data/engagement/read";
import { portalProcedure } from "../../trpc";
import { presentCompliance } from "./present";
import { ZComplianceInput, ZComplianceOut } from "./sla.schema";

/** The client's read-only view: credits hidden from viewers when the engagement hides amounts. */
export const complianceAsClient = portalProcedure
  .input(ZComplianceInput)
  .output(ZComplianceOut.strict())
  .query(async ({ ctx, input }) => {
    const engagement = await findClientEngagement(ctx.scope, input.engagementId);
    return presentCompliance(ctx.scope, engagement.id, input.period, engagement);
  });
