import { TRPCError } from "@trpc/server";
import { DataRefusal } from "../data/refusal";
import { Refusal } from "./trpc";

// Data-layer refusals as tRPC errors: the status each code maps to, the reasons carried in
// error.data.refusal. NOT_FOUND never says more than that something was not found.

export async function answeringRefusals<T, Code extends string>(work: () => Promise<T>, status: Record<Exclude<Code, "NOT_FOUND">, TRPCError["code"]>, notFoundMessage?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DataRefusal)) throw error;
    if (error.code === "NOT_FOUND") throw new TRPCError({ code: "NOT_FOUND", message: notFoundMessage ?? error.message });
    throw new TRPCError({ code: status[error.code as Exclude<Code, "NOT_FOUND">] ?? "CONFLICT", message: error.message, cause: new Refusal(error.code, error.reasons) });
  }
}
