import { TRPCError } from "@trpc/server";

/** The tRPC error code a call ends with, or "OK"; anything else is rethrown. */
export async function errorCodeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
