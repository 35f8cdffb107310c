import { findOrgClient } from "../../../data/client/users";
import { orgProcedure } from "../../trpc";
import { ZClientOut, ZGetClientInput } from "./client.schema";

export const getClient = orgProcedure
  .input(ZGetClientInput)
  .output(ZClientOut)
  .query(({ ctx, input }) => findOrgClient(ctx.scope, input.id));
