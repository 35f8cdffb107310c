import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { DEMO_TITLE, signIn } from "./helpers";

// Item 13 and the origin rule of item 11, in the browser: every page and API response carries
// the security headers, Next's scripts carry the request's nonce so the strict policy blocks
// nothing, and a cross-site POST with the session cookie never reaches a route.

const NONCE = /script-src 'self' 'nonce-([A-Za-z0-9+/]+={0,2})' 'strict-dynamic'(;|$)/;

/** Checks the headers of one response and returns its nonce. */
function expectSecurityHeaders(response: Response | APIResponse | null): string {
  expect(response, "a response").toBeTruthy();
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(NONCE);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  // served over plain http here
  expect(headers["strict-transport-security"]).toBeUndefined();
  return NONCE.exec(policy)![1]!;
}

/** Every <script> tag of a page's HTML carries the nonce of its own response. */
async function expectScriptsCarry(response: Response, nonce: string): Promise<void> {
  const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
}

/** CSP reports of this page, from the console and from securitypolicyviolation events. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return violations;
}

/** True when the last navigation kept the page's JavaScript state: a client-side navigation. */
async function markPage(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => ((window as unknown as { e2eMark?: boolean }).e2eMark = true));
  return () => page.evaluate(() => (window as unknown as { e2eMark?: boolean }).e2eMark === true);
}

test("pages and the API carry the security headers, Next's scripts the nonce, and nothing is blocked", async ({
  page,
}) => {
  const violations = await recordViolations(page);

  const signInPage = await page.goto("/signin");
  const signInNonce = expectSecurityHeaders(signInPage);
  await expectScriptsCarry(signInPage!, signInNonce);

  // next-auth's credentials sign-in posts from the page with the browser's Origin
  await signIn(page, "owner@northwind.test", "demo-password-1");
  await expect(page).toHaveURL(/\/home$/);

  const list = await page.goto("/engagements");
  const listNonce = expectSecurityHeaders(list);
  expect(listNonce).not.toBe(signInNonce);
  await expectScriptsCarry(list!, listNonce);

  // React hydrated under the policy: a link is followed client-side, not by a new document
  const stillSamePage = await markPage(page);
  await page.getByRole("link", { name: DEMO_TITLE }).click();
  await expect(page.getByRole("heading", { name: DEMO_TITLE })).toBeVisible();
  expect(await stillSamePage()).toBe(true);

  const engagement = await page.goto(page.url());
  await expectScriptsCarry(engagement!, expectSecurityHeaders(engagement));
  await expect(page.locator('[data-milestone="poc"]')).toBeVisible();
  const backOnList = await markPage(page);
  await page.getByRole("link", { name: /All engagements/ }).click();
  await expect(page.getByRole("heading", { name: "Engagements" })).toBeVisible();
  expect(await backOnList()).toBe(true);

  const api = await page.request.get("/api/v1/engagements");
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api);

  expect(violations).toEqual([]);
});

test("a cross-site POST with the session cookie is refused before any route runs", async ({ page, baseURL }) => {
  await signIn(page, "owner@northwind.test", "demo-password-1");
  const evil = { origin: "https://evil.example" };

  const mutation = await page.request.post("/api/trpc/milestone.transition", {
    headers: evil,
    data: { json: { milestoneId: "m_forged", action: "start" } },
  });
  expect(mutation.status()).toBe(403);
  expect(mutation.headers()["cache-control"]).toBe("no-store");
  expect(await mutation.json()).toEqual({
    error: "CROSS_SITE_REQUEST",
    reasons: [expect.stringContaining("https://evil.example")],
  });
  expectSecurityHeaders(mutation);

  const transition = { action: "start", idempotencyKey: "e2e-cross-site" };
  const rest = await page.request.post("/api/v1/milestones/x/transitions", { headers: evil, data: transition });
  expect(rest.status()).toBe(403);
  expect((await rest.json()).error).toBe("CROSS_SITE_REQUEST");

  // a request that does not say where it comes from is refused as well
  const unnamed = await page.request.post("/api/v1/milestones/x/transitions", { data: transition });
  expect(unnamed.status()).toBe(403);

  // the same request from the app's own origin reaches the route (which knows no milestone x)
  const own = await page.request.post("/api/v1/milestones/x/transitions", {
    headers: { origin: new URL(baseURL!).origin },
    data: transition,
  });
  expect(own.status()).toBe(404);
});
