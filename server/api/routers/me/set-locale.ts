import { TRPCError } from "@trpc/server";
import { setUserLocale } from "../../../data/users";
import { authedProcedure } from "../../trpc";
import { ZSetLocaleInput, ZSetLocaleOut } from "./me.schema";

export const setLocale = authedProcedure
  .input(ZSetLocaleInput)
  .output(ZSetLocaleOut)
  .mutation(async ({ ctx, input }) => {
    const updated = await setUserLocale(ctx.session.userId, input.locale);
    if (!updated) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your account is no longer active." });
    return { locale: input.locale };
  });
