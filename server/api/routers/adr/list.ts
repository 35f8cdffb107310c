import { z } from "zod";
import { listEngagementAdrs } from "../../../data/adr/read";
import { orgProcedure } from "../../trpc";
import { ZAdrOut, ZEngagementAdrsInput } from "./adr.schema";

export const listAdrs = orgProcedure
  .input(ZEngagementAdrsInput)
  .output(z.array(ZAdrOut))
  .query(async ({ ctx, input }) => (await listEngagementAdrs(ctx.scope, input.engagementId)).adrs);
