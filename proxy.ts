import { NextResponse, type NextRequest } from "next/server";
import {
  crossSiteVerdict,
  NONCE_HEADER,
  securityHeaders,
  servedOverHttps,
  type RequestFacts,
} from "@/server/domain/request-guard";
import { configuredOrigin } from "@/server/env";

// Before any route runs: a cross-site state change is refused (server/domain/request-guard.ts),
// and every response gets the security headers with a fresh CSP nonce. The nonce also goes on
// the request's own CSP header, from which Next takes it for the scripts it renders.

export function proxy(request: NextRequest): NextResponse {
  const facts = requestFacts(request);
  const configured = configuredOrigin();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const headers = securityHeaders(nonce, {
    development: process.env.NODE_ENV === "development",
    https: servedOverHttps(facts, configured),
  });

  const verdict = crossSiteVerdict(facts, configured);
  const response = verdict.allowed
    ? NextResponse.next({ request: { headers: withNonce(request.headers, nonce, headers["content-security-policy"]) } })
    : NextResponse.json(
        { error: "CROSS_SITE_REQUEST", reasons: verdict.reasons },
        { status: 403, headers: { "cache-control": "no-store" } },
      );
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function requestFacts(request: NextRequest): RequestFacts {
  const header = (name: string) => request.headers.get(name);
  return {
    method: request.method,
    origin: header("origin"),
    secFetchSite: header("sec-fetch-site"),
    cookie: header("cookie"),
    authorization: header("authorization"),
    host: header("host"),
    forwardedProto: header("x-forwarded-proto"),
    urlProtocol: request.nextUrl.protocol,
  };
}

// whatever a client sent under these names is replaced: a page never renders with a nonce it chose
function withNonce(incoming: Headers, nonce: string, policy: string): Headers {
  const headers = new Headers(incoming);
  headers.set("content-security-policy", policy);
  headers.set(NONCE_HEADER, nonce);
  return headers;
}

export const config = {
  // every path: pages, route handlers, Next's static files and public/ (nosniff and the policy
  // on everything the browser loads)
  matcher: "/:path*",
};
