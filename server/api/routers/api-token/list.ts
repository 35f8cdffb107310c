import { z } from "zod";
import { listApiTokens } from "../../../data/organisation/api-tokens";
import { orgProcedure } from "../../trpc";
import { ZListTokensInput, ZTokenOut } from "./api-token.schema";

export const listTokens = orgProcedure
  .input(ZListTokensInput)
  .output(z.array(ZTokenOut))
  .query(({ ctx, input }) => listApiTokens(ctx.scope, input.engagementId));
