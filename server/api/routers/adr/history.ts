import { z } from "zod";
import { adrHistory } from "../../../data/adr/read";
import { orgProcedure } from "../../trpc";
import { ZAdrInput, ZAdrRevisionOut } from "./adr.schema";

export const history = orgProcedure
  .input(ZAdrInput)
  .output(z.array(ZAdrRevisionOut))
  .query(({ ctx, input }) => adrHistory(ctx.scope, input.adrId));
