// What proxy.ts decides before any route runs: whether a request may change state, and the
// security headers of every response. Pure: the proxy hands over the request's headers.

/** The request headers the guard reads (null when absent). */
export interface RequestFacts {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  cookie: string | null;
  authorization: string | null;
  host: string | null;
  forwardedProto: string | null;
  /** scheme of the URL the server saw ("http:" or "https:"), used when no proxy names one */
  urlProtocol: string;
}

export type CrossSiteVerdict = { allowed: true } | { allowed: false; reasons: string[] };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// next-auth's JWT cookie, with the __Secure- prefix over https, split into .0, .1… when large
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
const BEARER = /^Bearer\s+\S/i;

export function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => SESSION_COOKIE.test(pair.split("=", 1)[0]!.trim()));
}

/** The first value of a comma-separated forwarding header, lower-cased. */
function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim().toLowerCase() || undefined;
}

/** scheme://host[:port] the request came to, from its Host header; null without one. */
export function requestOrigin(facts: Pick<RequestFacts, "host" | "forwardedProto" | "urlProtocol">): string | null {
  const host = facts.host?.trim();
  // a Host header is host[:port]; anything that would make it a URL of another origin is none
  if (!host || /[\s/\\@?#]/.test(host)) return null;
  const scheme =
    firstValue(facts.forwardedProto) === "https" || (!facts.forwardedProto && facts.urlProtocol === "https:")
      ? "https"
      : "http";
  return normaliseOrigin(`${scheme}://${host}`);
}

/** The canonical form of an origin (lower case, default port dropped), or null when it is none. */
function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * A cookie-authenticated (or browser-originated) state change must come from the app's own
 * origin: the configured public origin when set, else the one the request came to. CI pipelines
 * authenticating with a bearer token and no session cookie are not browsers and are exempt.
 */
export function crossSiteVerdict(facts: RequestFacts, configuredOrigin: string | null): CrossSiteVerdict {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return { allowed: true };
  const withSession = hasSessionCookie(facts.cookie);
  if (!withSession && facts.authorization && BEARER.test(facts.authorization)) return { allowed: true };
  if (!withSession && facts.origin === null) return { allowed: true };

  const own = configuredOrigin ? normaliseOrigin(configuredOrigin) : requestOrigin(facts);
  if (facts.origin !== null) {
    const origin = facts.origin.trim();
    if (origin === "null") return refused("the request has an opaque origin (Origin: null)");
    if (own && normaliseOrigin(origin) === own) return { allowed: true };
    return refused(`the request comes from ${origin}, not from ${own ?? "this application's origin"}`);
  }
  if (facts.secFetchSite?.trim().toLowerCase() === "same-origin") return { allowed: true };
  return refused(
    facts.secFetchSite
      ? `the request is ${facts.secFetchSite.trim()} (Sec-Fetch-Site), not same-origin`
      : "the request names no Origin (nor Sec-Fetch-Site: same-origin) to show it comes from this application",
  );
}

function refused(reason: string): CrossSiteVerdict {
  return { allowed: false, reasons: [reason] };
}

/** Whether the browser reached the app over https (it then gets HSTS). */
export function servedOverHttps(
  facts: Pick<RequestFacts, "forwardedProto" | "urlProtocol">,
  configuredOrigin: string | null,
): boolean {
  if (configuredOrigin?.startsWith("https:")) return true;
  const forwarded = firstValue(facts.forwardedProto);
  return forwarded ? forwarded === "https" : facts.urlProtocol === "https:";
}

export interface PolicyOptions {
  /** next dev: React's development build needs eval, and hot reload a websocket */
  development: boolean;
}

/** The Content-Security-Policy for a response whose inline scripts carry `nonce`. */
export function contentSecurityPolicy(nonce: string, { development }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // recharts and React's style attributes set inline styles
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** The request header that carries the nonce to server components (Next reads the CSP header). */
export const NONCE_HEADER = "x-nonce";

export const HSTS = "max-age=31536000; includeSubDomains";

export interface SecurityHeaders {
  "content-security-policy": string;
  "x-content-type-options": "nosniff";
  "referrer-policy": "no-referrer";
  "strict-transport-security"?: string;
}

/** Every response's security headers. */
export function securityHeaders(nonce: string, options: PolicyOptions & { https: boolean }): SecurityHeaders {
  return {
    "content-security-policy": contentSecurityPolicy(nonce, options),
    "x-content-type-options": "nosniff",
    // invitation URLs carry their token; no other site may see them
    "referrer-policy": "no-referrer",
    ...(options.https ? { "strict-transport-security": HSTS } : {}),
  };
}
