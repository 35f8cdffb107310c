import { z } from "zod";
import { listEngagementAdrs } from "../../../data/adr/read";
import { portalProcedure } from "../../trpc";
import { ZAdrOut, ZEngagementAdrsInput } from "./adr.schema";

/** Clients read the accepted ADRs of their own engagements. */
export const listAdrsAsClient = portalProcedure
  .input(ZEngagementAdrsInput)
  .output(z.array(ZAdrOut.strict()))
  .query(async ({ ctx, input }) => (await listEngagementAdrs(ctx.scope, input.engagementId)).adrs);
