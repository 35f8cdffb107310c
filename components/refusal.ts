import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

/** Reasons a refused request gives, as the server phrased them (never empty). */
export function refusalReasons(error: unknown): string[] {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    if (data?.refusal?.reasons.length) return data.refusal.reasons;
    if (data?.zodError?.length) return data.zodError.map((issue) => `${issue.path}: ${issue.message}`);
    return [error.message];
  }
  return [error instanceof Error ? error.message : String(error)];
}
