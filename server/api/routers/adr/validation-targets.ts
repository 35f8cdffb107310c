import { z } from "zod";
import { adrValidationTargets } from "../../../data/adr/read";
import { orgProcedure } from "../../trpc";
import { ZEngagementAdrsInput, ZValidationTargetOut } from "./adr.schema";

export const validationTargets = orgProcedure
  .input(ZEngagementAdrsInput)
  .output(z.array(ZValidationTargetOut))
  .query(({ ctx, input }) => adrValidationTargets(ctx.scope, input.engagementId));
