import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { isConsultantRole } from "../domain/roles";
import { resolveClientScope, resolveOrgScope } from "../data/scope";
import type { SessionClaims } from "../auth";

// The procedure chain: public -> authed -> org (consultant of an organisation) | portal (client
// user). Scopes are read from the database on every call, so a deactivated user stops at once.

/** Why a guarded action was refused: carried to clients in error.data.refusal and to REST bodies. */
export class Refusal extends Error {
  override name = "Refusal";
  constructor(
    readonly code: string,
    readonly reasons: string[],
  ) {
    super(reasons.join("; "));
  }
}

export interface Context {
  session: SessionClaims | null;
  /** the app's origin for links in emails; see appOrigin() */
  origin?: string;
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
      const zodError = error.cause instanceof ZodError ? error.cause.issues.map((i) => ({ path: i.path.join("."), message: i.message })) : null;
      const refusal = error.cause instanceof Refusal ? { code: error.cause.code, reasons: error.cause.reasons } : null;
      return { ...shape, data: { ...shape.data, zodError, refusal, stack: undefined } };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const authedProcedure = t.procedure.meta({ area: "authed" }).use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { session: ctx.session } });
});

export const orgProcedure = authedProcedure.meta({ area: "org" }).use(async ({ ctx, next }) => {
  if (!isConsultantRole(ctx.session.role)) throw new TRPCError({ code: "FORBIDDEN", message: "Consultants only." });
  const scope = await resolveOrgScope(ctx.session.userId);
  if (!scope) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your account is no longer active." });
  return next({ ctx: { ...ctx, scope } });
});

export const portalProcedure = authedProcedure.meta({ area: "portal" }).use(async ({ ctx, next }) => {
  if (isConsultantRole(ctx.session.role)) throw new TRPCError({ code: "FORBIDDEN", message: "Client portal users only." });
  const scope = await resolveClientScope(ctx.session.userId);
  if (!scope) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your account is no longer active." });
  return next({ ctx: { ...ctx, scope } });
});

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });
}
