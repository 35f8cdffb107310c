import { revokeApiToken } from "../../../data/organisation/api-tokens";
import { orgProcedure } from "../../trpc";
import { ZRevokedTokenOut, ZRevokeTokenInput } from "./api-token.schema";

export const revokeToken = orgProcedure
  .input(ZRevokeTokenInput)
  .output(ZRevokedTokenOut)
  .mutation(async ({ ctx, input }) => {
    await revokeApiToken(ctx.scope, input.id);
    return { revoked: true as const };
  });
