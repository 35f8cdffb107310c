import { passwordCheckOf, setOwnPassword } from "../../../data/user/password";
import { claimLoginAttempt, markLoginSucceeded } from "../../../data/user/sign-in";
import { hashPassword, verifyPassword } from "../../../password";
import { refusalError } from "../../refusals";
import { authedProcedure } from "../../trpc";
import { ZChangePasswordInput, ZChangePasswordOut } from "./me.schema";

// Changing one's own password: the current one is checked under the sign-in throttle (a stolen
// session cannot guess it faster than a sign-in could), then every session of the user ends.

export const changePassword = authedProcedure
  .input(ZChangePasswordInput)
  .output(ZChangePasswordOut)
  .mutation(async ({ ctx, input }) => {
    const account = await passwordCheckOf(ctx.session.userId, ctx.session.epoch);
    const claim = await claimLoginAttempt(account.email, ctx.address ?? "unknown");
    if (!claim.allowed)
      throw refusalError("RATE_LIMITED", [
        `too many wrong passwords; try again in ${Math.ceil(claim.retryAfterMs / 1000)} s`,
      ]);
    if (!(await verifyPassword(input.currentPassword, account.passwordHash)))
      throw refusalError("WRONG_PASSWORD", ["the current password is not right"]);
    await markLoginSucceeded(claim.attemptId);
    if (input.currentPassword === input.newPassword)
      throw refusalError("SAME_PASSWORD", ["the new password must differ from the current one"]);
    await setOwnPassword(ctx.session.userId, ctx.session.epoch, await hashPassword(input.newPassword));
    return { changed: true as const, email: account.email };
  });
