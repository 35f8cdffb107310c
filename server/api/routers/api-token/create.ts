import { createApiToken } from "../../../data/organisation/api-tokens";
import { orgProcedure } from "../../trpc";
import { ZCreatedTokenOut, ZCreateTokenInput } from "./api-token.schema";

export const createToken = orgProcedure
  .input(ZCreateTokenInput)
  .output(ZCreatedTokenOut)
  .mutation(({ ctx, input }) => createApiToken(ctx.scope, input.engagementId, input.name, input.validDays));
