import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { DataRefusal } from "../../data/refusal";
import { refusalError, Refusal } from "../refusals";
import { INTERNAL_ERROR_MESSAGE } from "../trpc";

// REST answers: JSON bodies, and every error as { error: CODE, reasons: [...] } (at least one
// reason) with the HTTP status tRPC assigns to the same code, so both APIs fail the same way.
// A fault (500) says nothing of its insides; the server log has it in full.

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export function errorResponse(caught: unknown): Response {
  const error = caught instanceof DataRefusal ? refusalError(caught.code, caught.reasons) : caught;
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
    if (error.cause instanceof Refusal)
      return refused(getHTTPStatusCodeFromError(error), error.cause.code, error.cause.reasons);
    return refused(getHTTPStatusCodeFromError(error), error.code, [error.message]);
  }
  console.error(error);
  return refused(500, "INTERNAL_SERVER_ERROR", [INTERNAL_ERROR_MESSAGE]);
}

export async function respond(work: () => Promise<unknown>): Promise<Response> {
  try {
    return json(await work());
  } catch (error) {
    return errorResponse(error);
  }
}

/** A REST refusal: `{ error, reasons }` with its HTTP status; a refusal always gives a reason. */
export function refused(status: number, error: string, reasons: string[]): Response {
  return json({ error, reasons: reasons.length > 0 ? reasons : [error] }, status);
}

/**
 * A file the browser saves: never sniffed, never cached, under `filename` (which callers make
 * safe for the header with `safeFilename` or a fixed name).
 */
export function attachment(
  body: BodyInit,
  file: { type: string; filename: string; length?: number; etag?: string },
): Response {
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
