import { z } from "zod";
import { linkAdrValidation } from "../../../data/adr/write";
import { orgProcedure } from "../../trpc";
import { ZLinkValidationInput } from "./adr.schema";

export const linkValidation = orgProcedure
  .input(ZLinkValidationInput)
  .output(z.null())
  .mutation(async ({ ctx, input }) => {
    await linkAdrValidation(ctx.scope, input.adrId, input.target);
    return null;
  });
