import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getSessionClaims, type SessionClaims } from "../auth";
import { resolveSessionScope } from "../data/scope";
import { homePathFor } from "../domain/roles";
import { createCaller } from "./root";

/**
 * The page's session if it still stands (not ended by a password change or deactivation), else
 * null: pages route on this, so a stale cookie leads to the sign-in form, not a redirect loop.
 */
export const activeSession = cache(async (): Promise<SessionClaims | null> => {
  const claims = await getSessionClaims();
  return claims && (await resolveSessionScope(claims)) ? claims : null;
});

/** The tRPC caller for server components: same procedures, same checks, no HTTP hop. */
export const serverCaller = cache(async () => createCaller({ session: await getSessionClaims() }));

/** Runs a procedure for a page and turns its typed errors into Next navigation. */
export async function loadForPage<T>(
  work: (caller: Awaited<ReturnType<typeof serverCaller>>) => Promise<T>,
): Promise<T> {
  try {
    return await work(await serverCaller());
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "NOT_FOUND") notFound();
    if (error.code === "UNAUTHORIZED") redirect("/signin");
    if (error.code === "FORBIDDEN") {
      const session = await activeSession();
      redirect(session ? homePathFor(session.role) : "/signin");
    }
    throw error;
  }
}
