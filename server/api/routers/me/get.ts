import { getActiveUser } from "../../../data/user/sign-in";
import { authedProcedure } from "../../trpc";
import { ZMeOut } from "./me.schema";

export const getMe = authedProcedure.output(ZMeOut).query(async ({ ctx }) => {
  const me = await getActiveUser(ctx.session.userId);
  return { ...me, role: ctx.session.role };
});
