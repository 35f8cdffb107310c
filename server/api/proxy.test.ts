import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { resetEnvForTests } from "@/server/env";

// proxy.ts as Next calls it: the request as the server saw it (Next's server builds the URL from
// its own address, the browser's host is in the Host header), the response before any route.

const SESSION = "next-auth.session-token=eyJhbGciOiJkaXIi.x.y";
const MUTATION = "/api/trpc/milestone.transition";

function request(
  path: string,
  { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {},
) {
  return new NextRequest(new URL(path, "http://localhost:3000"), {
    method,
    headers: { host: "127.0.0.1:3000", "x-forwarded-proto": "http", ...headers },
    ...(method === "GET" ? {} : { body: JSON.stringify({ json: { milestoneId: "m1", action: "start" } }) }),
  });
}

const passedThrough = (response: Response) => response.headers.get("x-middleware-next") === "1";

function expectSecurityHeaders(response: Response) {
  expect(response.headers.get("content-security-policy")).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'/,
  );
  expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
}

let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = { APP_URL: process.env.APP_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
  delete process.env.APP_URL;
  delete process.env.NEXTAUTH_URL;
  resetEnvForTests();
});
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
});

describe("proxy: cross-site state changes", () => {
  it("refuses a tRPC mutation with the session cookie from a foreign origin, before any route", async () => {
    const response = proxy(
      request(MUTATION, {
        method: "POST",
        headers: { cookie: SESSION, origin: "https://evil.example", "content-type": "application/json" },
      }),
    );
    expect(response.status).toBe(403);
    expect(passedThrough(response)).toBe(false);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      error: "CROSS_SITE_REQUEST",
      reasons: [expect.stringContaining("https://evil.example")],
    });
    expectSecurityHeaders(response);
  });

  it("refuses a REST POST with the session cookie and no Origin or Sec-Fetch-Site", async () => {
    const response = proxy(
      request("/api/v1/milestones/m1/transitions", { method: "POST", headers: { cookie: SESSION } }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error).toBe("CROSS_SITE_REQUEST");
  });

  it.each([
    ["127.0.0.1:3000", "http://127.0.0.1:3000"],
    ["localhost:3000", "http://localhost:3000"],
  ])("passes a mutation from its own origin (Host %s) through with the security headers", (host, origin) => {
    const response = proxy(request(MUTATION, { method: "POST", headers: { host, origin, cookie: SESSION } }));
    expect(response.status).toBe(200);
    expect(passedThrough(response)).toBe(true);
    expectSecurityHeaders(response);
  });

  it("passes next-auth's credentials sign-in from the page's own origin", () => {
    const response = proxy(
      request("/api/auth/callback/credentials", {
        method: "POST",
        headers: { origin: "http://127.0.0.1:3000", cookie: "next-auth.csrf-token=abc" },
      }),
    );
    expect(passedThrough(response)).toBe(true);
  });

  it("passes a CI pipeline's bearer-token POST that has no cookie and no Origin", () => {
    const response = proxy(
      request("/api/v1/evidence", { method: "POST", headers: { authorization: "Bearer tg_0123456789abcdef" } }),
    );
    expect(passedThrough(response)).toBe(true);
  });

  it("with APP_URL set, accepts that origin only and no longer the request's own Host", () => {
    process.env.APP_URL = "https://tollgate.example";
    resetEnvForTests();
    const own = proxy(
      request(MUTATION, { method: "POST", headers: { cookie: SESSION, origin: "http://127.0.0.1:3000" } }),
    );
    expect(own.status).toBe(403);
    const configured = proxy(
      request(MUTATION, { method: "POST", headers: { cookie: SESSION, origin: "https://tollgate.example" } }),
    );
    expect(passedThrough(configured)).toBe(true);
  });
});

describe("proxy: security headers", () => {
  it("gives a page a fresh nonce in its CSP and hands the same policy to Next on the request", () => {
    const first = proxy(request("/engagements", { headers: { cookie: SESSION } }));
    const second = proxy(request("/engagements", { headers: { cookie: SESSION } }));
    expect(passedThrough(first)).toBe(true);
    expectSecurityHeaders(first);
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(Buffer.from(nonce, "base64").length).toBeGreaterThanOrEqual(16);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // Next takes the nonce for its scripts from the request's CSP header (x-nonce for our code)
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(policy).not.toContain("unsafe-eval");
  });

  it("replaces a nonce or policy the client sent itself", () => {
    const response = proxy(
      request("/engagements", {
        headers: { "x-nonce": "attacker", "content-security-policy": "script-src 'nonce-attacker'" },
      }),
    );
    expect(response.headers.get("x-middleware-request-x-nonce")).not.toBe("attacker");
    expect(response.headers.get("x-middleware-request-content-security-policy")).not.toContain("attacker");
  });

  it("sends HSTS only when the request came over https", () => {
    expect(proxy(request("/signin")).headers.get("strict-transport-security")).toBeNull();
    expect(
      proxy(request("/signin", { headers: { "x-forwarded-proto": "https" } })).headers.get("strict-transport-security"),
    ).toBe("max-age=31536000; includeSubDomains");
    process.env.APP_URL = "https://tollgate.example";
    resetEnvForTests();
    expect(proxy(request("/signin")).headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("puts the headers on API responses too", () => {
    expectSecurityHeaders(proxy(request("/api/v1/engagements", { headers: { cookie: SESSION } })));
  });
});
