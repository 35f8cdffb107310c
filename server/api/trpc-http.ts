import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { isJsonContentType, readBounded } from "./rest/json-body";
import { refused } from "./rest/respond";
import { appRouter } from "./root";
import type { Context } from "./trpc";

// tRPC over HTTP (/api/trpc): a mutation's body must say it is JSON (415) and is counted while it
// streams (413 past the limit, nothing more read); a fault is logged here in full and answered
// with a generic message (the error formatter in trpc.ts).

export const MAX_TRPC_BODY_BYTES = 1024 * 1024;

export async function handleTrpcRequest(request: Request, createContext: () => Promise<Context>): Promise<Response> {
  let req = request;
  if (request.method === "POST") {
    if (!isJsonContentType(request.headers.get("content-type")))
      return refused(415, "UNSUPPORTED_MEDIA_TYPE", ["send the body as content-type: application/json"]);
    const body = await readBounded(request, MAX_TRPC_BODY_BYTES);
    if (!body) return refused(413, "PAYLOAD_TOO_LARGE", [`the body exceeds ${MAX_TRPC_BODY_BYTES} bytes`]);
    req = new Request(request.url, { method: "POST", headers: request.headers, body: new Uint8Array(body) });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}
