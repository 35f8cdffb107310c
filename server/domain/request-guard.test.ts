import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  crossSiteVerdict,
  hasSessionCookie,
  HSTS,
  requestOrigin,
  securityHeaders,
  servedOverHttps,
  type RequestFacts,
} from "./request-guard";

const SESSION = "next-auth.session-token=eyJhbGciOi.x.y";

function facts(overrides: Partial<RequestFacts>): RequestFacts {
  return {
    method: "POST",
    origin: null,
    secFetchSite: null,
    cookie: SESSION,
    authorization: null,
    host: "127.0.0.1:3000",
    forwardedProto: "http",
    urlProtocol: "http:",
    ...overrides,
  };
}

const allowed = { allowed: true };
const refusedWith = (text: RegExp) => ({ allowed: false, reasons: [expect.stringMatching(text)] });

describe("session cookies", () => {
  it("recognises next-auth's session cookie, its __Secure- form and its chunks", () => {
    expect(hasSessionCookie("next-auth.session-token=a")).toBe(true);
    expect(hasSessionCookie("theme=dark; __Secure-next-auth.session-token=a")).toBe(true);
    expect(hasSessionCookie("next-auth.session-token.0=a; next-auth.session-token.1=b")).toBe(true);
    expect(hasSessionCookie("__Secure-next-auth.session-token.2=c")).toBe(true);
  });

  it("ignores other next-auth cookies and look-alikes", () => {
    expect(hasSessionCookie(null)).toBe(false);
    expect(hasSessionCookie("next-auth.csrf-token=a; next-auth.callback-url=b")).toBe(false);
    expect(hasSessionCookie("x-next-auth.session-token=a; next-auth.session-token.x=b")).toBe(false);
  });
});

describe("the request's own origin", () => {
  it("is the Host with the forwarded scheme, else the URL's", () => {
    expect(requestOrigin({ host: "localhost:3000", forwardedProto: null, urlProtocol: "http:" })).toBe(
      "http://localhost:3000",
    );
    expect(requestOrigin({ host: "app.example", forwardedProto: "https", urlProtocol: "http:" })).toBe(
      "https://app.example",
    );
    expect(requestOrigin({ host: "app.example", forwardedProto: "https, http", urlProtocol: "http:" })).toBe(
      "https://app.example",
    );
    expect(requestOrigin({ host: "App.Example:443", forwardedProto: null, urlProtocol: "https:" })).toBe(
      "https://app.example",
    );
  });

  it("is none without a Host or with one that is not host[:port]", () => {
    expect(requestOrigin({ host: null, forwardedProto: null, urlProtocol: "http:" })).toBeNull();
    expect(requestOrigin({ host: "evil.example/x", forwardedProto: null, urlProtocol: "http:" })).toBeNull();
    expect(requestOrigin({ host: "user@evil.example", forwardedProto: null, urlProtocol: "http:" })).toBeNull();
  });
});

describe("cross-site state changes", () => {
  it("lets reads through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(crossSiteVerdict(facts({ method, origin: "https://evil.example" }), null)).toEqual(allowed);
    }
  });

  it("refuses a cookie-authenticated POST from another origin", () => {
    expect(crossSiteVerdict(facts({ origin: "https://evil.example" }), null)).toEqual(
      refusedWith(/https:\/\/evil\.example.*http:\/\/127\.0\.0\.1:3000/),
    );
    expect(crossSiteVerdict(facts({ method: "DELETE", origin: "http://127.0.0.1:3001" }), null)).toMatchObject({
      allowed: false,
    });
    expect(crossSiteVerdict(facts({ method: "PATCH", origin: "https://127.0.0.1:3000" }), null)).toMatchObject({
      allowed: false,
    });
  });

  it("accepts the host the request came to, under either local name", () => {
    expect(crossSiteVerdict(facts({ origin: "http://127.0.0.1:3000" }), null)).toEqual(allowed);
    expect(crossSiteVerdict(facts({ origin: "http://localhost:3000", host: "localhost:3000" }), null)).toEqual(allowed);
    expect(crossSiteVerdict(facts({ origin: "http://localhost:3000", host: "127.0.0.1:3000" }), null)).toMatchObject({
      allowed: false,
    });
  });

  it("follows the forwarded scheme behind a TLS proxy", () => {
    const behindProxy = { host: "tollgate.example", forwardedProto: "https" };
    expect(crossSiteVerdict(facts({ ...behindProxy, origin: "https://tollgate.example" }), null)).toEqual(allowed);
    expect(crossSiteVerdict(facts({ ...behindProxy, origin: "http://tollgate.example" }), null)).toMatchObject({
      allowed: false,
    });
  });

  it("accepts only the configured public origin when there is one", () => {
    const configured = "https://tollgate.example";
    expect(crossSiteVerdict(facts({ origin: "https://tollgate.example" }), configured)).toEqual(allowed);
    expect(crossSiteVerdict(facts({ origin: "http://127.0.0.1:3000" }), configured)).toEqual(
      refusedWith(/not from https:\/\/tollgate\.example/),
    );
  });

  it("refuses an opaque origin", () => {
    expect(crossSiteVerdict(facts({ origin: "null" }), null)).toEqual(refusedWith(/Origin: null/));
    expect(crossSiteVerdict(facts({ origin: "null", cookie: null }), null)).toMatchObject({ allowed: false });
  });

  it("without an Origin, needs Sec-Fetch-Site: same-origin", () => {
    expect(crossSiteVerdict(facts({ secFetchSite: "same-origin" }), null)).toEqual(allowed);
    expect(crossSiteVerdict(facts({ secFetchSite: "same-site" }), null)).toEqual(refusedWith(/same-site/));
    expect(crossSiteVerdict(facts({ secFetchSite: "cross-site" }), null)).toMatchObject({ allowed: false });
    expect(crossSiteVerdict(facts({}), null)).toEqual(refusedWith(/no Origin/));
  });

  it("checks any request that names an Origin, with or without a session (sign-in, invitations)", () => {
    expect(crossSiteVerdict(facts({ cookie: null, origin: "https://evil.example" }), null)).toMatchObject({
      allowed: false,
    });
    expect(
      crossSiteVerdict(facts({ cookie: "next-auth.csrf-token=a", origin: "http://127.0.0.1:3000" }), null),
    ).toEqual(allowed);
  });

  it("leaves a request with neither a session cookie nor an Origin alone (no ambient credentials)", () => {
    expect(crossSiteVerdict(facts({ cookie: null }), null)).toEqual(allowed);
    expect(crossSiteVerdict(facts({ cookie: "theme=dark" }), null)).toEqual(allowed);
  });

  it("exempts bearer-token pipelines, but not when a session cookie rides along", () => {
    const bearer = { authorization: "Bearer tg_abc123" };
    expect(crossSiteVerdict(facts({ ...bearer, cookie: null }), null)).toEqual(allowed);
    expect(crossSiteVerdict(facts({ ...bearer, cookie: null, origin: "https://ci.example" }), null)).toEqual(allowed);
    expect(crossSiteVerdict(facts({ ...bearer, origin: "https://evil.example" }), null)).toMatchObject({
      allowed: false,
    });
    expect(
      crossSiteVerdict(facts({ authorization: "Basic dTpw", origin: "https://evil.example", cookie: null }), null),
    ).toMatchObject({ allowed: false });
  });
});

describe("security headers", () => {
  const nonce = "bm9uY2Utdmk9PQ==";

  it("allows scripts by nonce only and forbids framing", () => {
    const policy = contentSecurityPolicy(nonce, { development: false });
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'nonce-bm9uY2Utdmk9PQ==' 'strict-dynamic'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("adds eval and the hot-reload socket only in development", () => {
    const policy = contentSecurityPolicy(nonce, { development: true });
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'unsafe-eval'`);
    expect(policy).toContain("connect-src 'self' ws: wss:");
  });

  it("sends nosniff and no-referrer always, HSTS only over https", () => {
    const plain = securityHeaders(nonce, { development: false, https: false });
    expect(plain).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" });
    expect(plain).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders(nonce, { development: false, https: true })["strict-transport-security"]).toBe(HSTS);
  });

  it("counts https from the configured URL, else the forwarded or seen scheme", () => {
    expect(servedOverHttps({ forwardedProto: null, urlProtocol: "http:" }, "https://tollgate.example")).toBe(true);
    expect(servedOverHttps({ forwardedProto: "http", urlProtocol: "http:" }, "http://intranet.example")).toBe(false);
    expect(servedOverHttps({ forwardedProto: "https", urlProtocol: "http:" }, null)).toBe(true);
    expect(servedOverHttps({ forwardedProto: "http", urlProtocol: "http:" }, null)).toBe(false);
    expect(servedOverHttps({ forwardedProto: null, urlProtocol: "https:" }, null)).toBe(true);
  });
});
