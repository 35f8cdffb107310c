import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getSessionClaims } from "../auth";
import { homePathFor } from "../domain/roles";
import { createCaller } from "./root";

/** The tRPC caller for server components: same procedures, same checks, no HTTP hop. */
export const serverCaller = cache(async () => createCaller({ session: await getSessionClaims() }));

/** Runs a procedure for a page and turns its typed errors into Next navigation. */
export async function loadForPage<T>(work: (caller: Awaited<ReturnType<typeof serverCaller>>) => Promise<T>): Promise<T> {
  try {
    return await work(await serverCaller());
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "NOT_FOUND") notFound();
    if (error.code === "UNAUTHORIZED") redirect("/signin");
    if (error.code === "FORBIDDEN") {
      const session = await getSessionClaims();
      redirect(session ? homePathFor(session.role) : "/signin");
    }
    throw error;
  }
}
