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

/** A REST refusal: `{ error, reasons }` with its HTTP status. */
export function refused(status: number, error: string, reasons: string[]): Response {
  return json({ error, reasons }, status);
}

/**
 * A file the browser saves: never sniffed, never cached, under `filename` (which callers make
 * safe for the header with `safeFilename` or a fixed name).
 */
export function attachment(body: BodyInit, file: { type: string; filename: string; length?: number; etag?: string }): Response {
  return new Response(body, {
    headers: {
      "content-type": file.type,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      ...(file.length !== undefined ? { "content-length": String(file.length) } : {}),
      ...(file.etag ? { etag: `"${file.etag}"` } : {}),
    },
  });
}
