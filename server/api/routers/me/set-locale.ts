import { setUserLocale } from "../../../data/user/sign-in";
import { authedProcedure } from "../../trpc";
import { ZSetLocaleInput, ZSetLocaleOut } from "./me.schema";

export const setLocale = authedProcedure
  .input(ZSetLocaleInput)
  .output(ZSetLocaleOut)
  .mutation(async ({ ctx, input }) => {
    await setUserLocale(ctx.session.userId, input.locale);
    return { locale: input.locale };
  });
