import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";

// REST answers: JSON bodies, and errors as { error: { code, message } } with the HTTP status
// tRPC assigns to the same error code, so both APIs fail the same way.

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof TRPCError) {
    return json({ error: { code: error.code, message: error.message } }, getHTTPStatusCodeFromError(error));
  }
  console.error(error);
  return json({ error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong." } }, 500);
}

export async function respond(work: () => Promise<unknown>): Promise<Response> {
  try {
    return json(await work());
  } catch (error) {
    return errorResponse(error);
  }
}
