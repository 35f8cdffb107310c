import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { DataRefusal } from "../data/refusal";
import { SESSION_ENDED_MESSAGE } from "../data/user/password";
import { resolveSessionScope } from "../data/scope";
import { Refusal, refusalError } from "./refusals";
import type { SessionClaims } from "../auth";

// The procedure chain: public -> authed -> org (consultant of an organisation) | portal (client
// user). The session is checked and the scope read from the database on every call, so a
// deactivated user, or a session from before a password change, stops at once.

export { Refusal } from "./refusals";

export interface Context {
  session: SessionClaims | null;
  /** the app's origin for links in emails; see appOrigin() */
  origin?: string;
  /** the client's address (server/api/request-address.ts), for throttling password checks */
  address?: string;
}

export interface Meta {
  /** who may call: any signed-in user, consultants of an organisation, or client users */
  area?: "authed" | "org" | "portal";
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const zodError =
        error.cause instanceof ZodError
          ? error.cause.issues.map((i) => ({ path: i.path.join("."), message: i.message }))
          : null;
      const refusal = error.cause instanceof Refusal ? { code: error.cause.code, reasons: error.cause.reasons } : null;
      // a fault says nothing of its insides to the caller; the server log has it in full
      const message = error.code === "INTERNAL_SERVER_ERROR" ? INTERNAL_ERROR_MESSAGE : shape.message;
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message, data: { ...data, zodError, refusal } };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure answers the data layer's refusals one way: through the one table in
 * refusals.ts (code -> tRPC error and HTTP status, reasons in error.data.refusal).
 */
const answeringDataRefusals = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DataRefusal)
    throw refusalError(result.error.cause.code, result.error.cause.reasons);
  return result;
});

export const publicProcedure = t.procedure.use(answeringDataRefusals);

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. It has been logged; please try again.";
export { SESSION_ENDED_MESSAGE };

/** Every signed-in call: the session must still stand (ADR 0012), checked in the database. */
export const authedProcedure = publicProcedure.meta({ area: "authed" }).use(async ({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  const actor = await resolveSessionScope(ctx.session);
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: SESSION_ENDED_MESSAGE });
  return next({ ctx: { session: ctx.session, actor } });
});

export const orgProcedure = authedProcedure.meta({ area: "org" }).use(({ ctx, next }) => {
  if (ctx.actor.kind !== "org") throw new TRPCError({ code: "FORBIDDEN", message: "Consultants only." });
  return next({ ctx: { ...ctx, scope: ctx.actor.scope } });
});

export const portalProcedure = authedProcedure.meta({ area: "portal" }).use(({ ctx, next }) => {
  if (ctx.actor.kind !== "client") throw new TRPCError({ code: "FORBIDDEN", message: "Client portal users only." });
  return next({ ctx: { ...ctx, scope: ctx.actor.scope } });
});
